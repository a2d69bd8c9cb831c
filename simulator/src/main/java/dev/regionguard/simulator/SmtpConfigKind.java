package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /smtp/config}: custom SMTP relay configurations; the domain is fixed at creation. */
final class SmtpConfigKind extends EntityKind {

    SmtpConfigKind() {
        super("smtp_configurations", "PATCH");
    }

    @Override
    EntityTable table(EnInstance instance) {
        return instance.smtpConfigs;
    }

    @Override
    ObjectNode create(EnInstance instance, String parentId, RequestBody request) {
        ObjectNode fields = request.fields();
        String name = requireNewName(instance.smtpConfigs, fields, null);
        String domain = Json.requiredText(fields, "domain");
        ObjectNode stored = newEntity(instance, EnInstance.newId());
        stored.put("name", name);
        stored.put("description", description(fields));
        stored.put("domain", domain);
        stored.set("config", dnsRecords(instance, domain));
        instance.smtpConfigs.put(stored);
        return stored;
    }

    /** What the domain owner must publish; verification starts PENDING in every instance. */
    private static ObjectNode dnsRecords(EnInstance instance, String domain) {
        ObjectNode config = Json.object();
        ObjectNode dkim = config.putObject("dkim");
        dkim.put("txt_name", "en-" + instance.region() + "._domainkey." + domain);
        dkim.put(
                "txt_value",
                "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEB" + instance.id().substring(0, 8));
        dkim.put("verification", "PENDING");
        config.putObject("en_authorization").put("verification", "PENDING");
        ObjectNode spf = config.putObject("spf");
        spf.put("txt_name", domain);
        spf.put("txt_value", "v=spf1 include:" + instance.region() + ".smtp.event-notifications.cloud.ibm.com ~all");
        spf.put("verification", "PENDING");
        return config;
    }

    @Override
    ObjectNode createResponse(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "name", "description", "domain", "config", "created_at");
    }

    @Override
    ObjectNode view(EnInstance instance, ObjectNode stored) {
        return Json.pick(stored, "id", "name", "description", "domain", "config", "updated_at");
    }

    @Override
    ObjectNode snapshot(EnInstance instance, ObjectNode stored) {
        ObjectNode snapshot = super.snapshot(instance, stored);
        ArrayNode users = snapshot.putArray("users");
        EnKinds.SMTP_USERS
                .items(instance, stored.get("id").textValue())
                .forEach(user -> users.add(EnKinds.SMTP_USERS.snapshot(instance, user)));
        return snapshot;
    }

    @Override
    void update(EnInstance instance, ObjectNode stored, RequestBody request) {
        ObjectNode fields = request.fields();
        if (fields.has("domain")) {
            throw ApiException.badRequest("The domain of an SMTP configuration cannot be changed");
        }
        patchNameAndDescription(instance.smtpConfigs, stored, fields);
        touch(instance, stored);
    }

    /** Its users go with it. */
    @Override
    void delete(EnInstance instance, ObjectNode stored) {
        EnKinds.SMTP_USERS
                .items(instance, stored.get("id").textValue())
                .forEach(user -> instance.smtpUsers.remove(user.get("id").textValue()));
        super.delete(instance, stored);
    }
}
