package dev.regionguard.eventnotifications;

import static dev.regionguard.sync.Json.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.simulator.SimulatorFixture;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SMTP users as one flat type over a simulated instance, and where their passwords go. */
class EnSmtpUserStoreTest {
    @RegisterExtension
    static final SimulatorFixture SIM = SimulatorFixture.regions("eu-de");

    private final EntityType type = new EnSmtpUserType();
    private final Map<String, String> kept = new HashMap<>();
    private RuntimeException storeFailure;
    private RecordingEnClient client;
    private EnEntityStore store;
    private String configId;

    private final SmtpPasswords passwords = new SmtpPasswords() {
        @Override
        public Set<String> storedUserIds() {
            return Set.copyOf(kept.keySet());
        }

        @Override
        public void store(ObjectNode created) {
            if (storeFailure != null) {
                throw storeFailure;
            }
            kept.put(created.get("id").asText(), created.get("password").asText());
        }

        @Override
        public void forget(String userId) {
            kept.remove(userId);
        }
    };

    @BeforeEach
    void instance() {
        client = RecordingEnClient.onNewInstance(SIM.simulator(), "eu-de");
        store = new EnEntityStore(client, passwords, null);
        configId = client.add(EnKind.SMTP_CONFIG, "{'name':'mail','domain':'mail.example.com'}")
                .get("id")
                .asText();
    }

    @Test
    void aCreatedUserHandsItsPasswordOverAndListsAsKept() {
        ObjectNode created = store.create(type, desired("{'smtp_config_id':'" + configId + "','description':'app'}"));

        String userId = created.get("id").asText();
        assertThat(created.has("password"))
                .as("the password goes no further than the store")
                .isFalse();
        assertThat(kept).containsOnlyKeys(userId);
        assertThat(kept.get(userId)).isNotBlank();
        ObjectNode listed = store.list(type).get(0);
        assertThat(type.key(listed)).isEqualTo("mail/app");
        assertThat(type.id(listed)).isEqualTo(configId + "/" + userId);
        assertThat(listed.get(EnSmtpUserType.PASSWORD_STORED).asBoolean()).isTrue();
        assertThat(store.find(type, type.id(listed)).get("description").asText())
                .isEqualTo("app");

        store.delete(type, listed);
        assertThat(kept).isEmpty();
        assertThat(store.find(type, type.id(listed))).isNull();
    }

    @Test
    void thePasswordOfAUserDeletedByHandIsForgottenAtTheNextList() {
        ObjectNode created = store.create(type, desired("{'smtp_config_id':'" + configId + "','description':'app'}"));
        client.deleteSmtpUser(configId, created.get("id").asText());

        assertThat(store.list(type)).isEmpty();
        assertThat(kept).isEmpty();
    }

    @Test
    void aUserWhosePasswordCannotBeKeptIsDeletedAgain() {
        storeFailure = new IllegalStateException("Kubernetes said no");

        assertThatThrownBy(
                        () -> store.create(type, desired("{'smtp_config_id':'" + configId + "','description':'app'}")))
                .hasMessage("Kubernetes said no");

        assertThat(client.listSmtpUsers(configId))
                .as("nobody could ever learn its password")
                .isEmpty();
    }

    @Test
    void aStandbyUserWithoutAKeptPasswordMustBeReplaced() {
        client.createSmtpUser(configId, of("{'description':'app'}")); // made by hand: its password is not kept
        ObjectNode target = store.list(type).get(0);
        ObjectNode source = of("{'id':'u1','smtp_config_id':'src-mail','description':'app','username':'x',"
                + "'domain':'mail.example.com','smtp_config_name':'mail','password_stored':false}");

        Translation.Write write = (Translation.Write)
                type.translate(source, new MapSyncContext().id("smtp_config", "src-mail", configId));

        assertThat(write.desired().key()).isEqualTo("mail/app");
        assertThat(write.desired().body()).isEqualTo(of("{'smtp_config_id':'" + configId + "','description':'app'}"));
        assertThat(type.needsReplace(write.desired(), type.comparable(target, new MapSyncContext())))
                .isTrue();
        target.put(EnSmtpUserType.PASSWORD_STORED, true);
        assertThat(type.needsReplace(write.desired(), type.comparable(target, new MapSyncContext())))
                .isFalse();
    }

    @Test
    void aUserOfAConfigurationTheStandbyLacksIsSkippedWithAReason() {
        ObjectNode source = of("{'id':'u1','smtp_config_id':'src-mail','description':'app','smtp_config_name':'mail'}");

        Translation t = type.translate(source, new MapSyncContext());

        assertThat(t).isInstanceOfSatisfying(Translation.Skip.class, skip -> {
            assertThat(skip.reason()).isEqualTo("MissingReference");
            assertThat(skip.message()).startsWith("smtp_user 'mail/app'");
        });
    }

    private static Desired desired(String json) {
        ObjectNode body = of(json);
        return new Desired("mail/app", body, body, null, null);
    }
}
