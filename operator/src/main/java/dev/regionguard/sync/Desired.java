package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.FilePart;
import java.util.List;

/**
 * What an entity should look like on the target.
 *
 * @param body           the create/update body, IDs already remapped to the target's
 * @param comparable     the part of the body a GET can show, normalised; compared with
 *                       {@link EntityType#comparable}
 * @param files          multipart file parts (certificates, icons)
 * @param materialDigest digest of write-only material (secrets, template bodies) that no GET
 *                       returns; null when there is none. Never the material itself.
 */
public record Desired(String key, ObjectNode body, ObjectNode comparable, List<FilePart> files, String materialDigest) {
}
