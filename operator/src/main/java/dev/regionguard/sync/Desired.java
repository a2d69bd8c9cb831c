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
 *                       returns; null when there is none. Never the material itself. It must be the
 *                       {@link Material#digest()} of what {@link SyncContext#material} found for the
 *                       entity, because the engine's watermark check compares that digest without
 *                       translating.
 */
public record Desired(String key, ObjectNode body, ObjectNode comparable, List<FilePart> files, String materialDigest) {

    /** Never shows the body: it carries secrets once material is merged in. */
    @Override
    public String toString() {
        return "Desired[" + key + ", comparable=" + comparable + ", files="
                + (files == null
                        ? List.of()
                        : files.stream().map(FilePart::name).toList()) + "]";
    }
}
