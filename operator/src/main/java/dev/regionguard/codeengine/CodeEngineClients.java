package dev.regionguard.codeengine;

import dev.regionguard.cloud.ApiKey;

/** Makes clients for projects; one factory shares the HTTP client, token cache and region limits. */
public interface CodeEngineClients {
    CodeEngineClient forProject(String region, String projectId, ApiKey apiKey);
}
