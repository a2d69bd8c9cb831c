package dev.regionguard.eventnotifications;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Where the password of an SMTP user RegionGuard created goes: IBM returns it once, in the create
 * answer, so it must be kept before anything else happens. One instance's view.
 */
public interface SmtpPasswords {
    /** Keeps nothing and knows no user: for a side RegionGuard never writes SMTP users to. */
    SmtpPasswords NONE = new SmtpPasswords() {
        @Override
        public Set<String> storedUserIds() {
            return Set.of();
        }

        @Override
        public void store(ObjectNode created) {
            throw new IllegalStateException("no place to keep an SMTP user's password");
        }

        @Override
        public void forget(String userId) {}
    };

    /** Ids of this instance's SMTP users whose password is kept. */
    Set<String> storedUserIds();

    /** Keeps what IBM's create answer says (username, password, ids); throws when it could not. */
    void store(ObjectNode created);

    /** The user is gone: its kept password goes too. */
    void forget(String userId);
}
