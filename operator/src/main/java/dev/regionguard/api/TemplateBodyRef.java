package dev.regionguard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Where the body of a template lives: IBM's API never returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "has(self.configMapName) != has(self.secretName)",
        message = "set exactly one of configMapName and secretName")
public class TemplateBodyRef {
    static final String DEFAULT_BODY_KEY = "body";
    static final String DEFAULT_SUBJECT_KEY = "subject";

    @Required
    @JsonPropertyDescription("Name of the template on the primary.")
    public String template;

    @JsonPropertyDescription("ConfigMap in this namespace holding the body (plain text, not Base64).")
    public String configMapName;

    @JsonPropertyDescription("Secret in this namespace holding the body, when it must stay secret.")
    public String secretName;

    @Default(DEFAULT_BODY_KEY)
    @JsonPropertyDescription("Key of the body. Defaults to 'body'.")
    public String bodyKey = DEFAULT_BODY_KEY;

    @Default(DEFAULT_SUBJECT_KEY)
    @JsonPropertyDescription("Key of the subject of email templates. Defaults to 'subject'; ignored when absent.")
    public String subjectKey = DEFAULT_SUBJECT_KEY;
}
