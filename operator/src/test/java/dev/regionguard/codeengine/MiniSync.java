package dev.regionguard.codeengine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.sync.Desired;
import dev.regionguard.sync.EntityStore;
import dev.regionguard.sync.EntityType;
import dev.regionguard.sync.SyncContext;
import dev.regionguard.sync.Translation;
import dev.regionguard.testing.MapSyncContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The sync engine's contract reduced to one sequential pass without watermarks, so these tests
 * can drive the CE types and store the way the engine does: list both sides, match by key, read
 * what list items lack, translate, compare, then create, update or replace. No deletes.
 */
final class MiniSync {
    static final SyncContext NO_CONTEXT = new MapSyncContext();

    private MiniSync() {}

    /** @return what was done, e.g. {@code "create app api"}, {@code "skip domain_mapping www.example.com DomainClaimedByPrimary"} */
    static List<String> pass(List<EntityType> types, EntityStore primary, EntityStore standby) {
        List<String> done = new ArrayList<>();
        for (EntityType type : types) {
            Map<String, ObjectNode> targets = byKey(type, standby.list(type));
            for (ObjectNode item : primary.list(type)) {
                String key = type.key(item);
                ObjectNode source = type.listItemComplete() ? item : primary.read(type, item);
                Translation translation = type.translate(source, NO_CONTEXT);
                if (translation instanceof Translation.Skip skip) {
                    done.add("skip " + type.name() + " " + key + " " + skip.reason());
                    continue;
                }
                Desired desired = ((Translation.Write) translation).desired();
                ObjectNode target = targets.get(key);
                if (target == null) {
                    settled(standby, type, standby.create(type, desired));
                    done.add("create " + type.name() + " " + key);
                    continue;
                }
                ObjectNode current = type.listItemComplete() ? target : standby.read(type, target);
                ObjectNode comparable = type.comparable(current, NO_CONTEXT);
                if (comparable.equals(desired.comparable())) {
                    continue;
                }
                if (type.needsReplace(desired, comparable)) {
                    standby.delete(type, current);
                    settled(standby, type, standby.create(type, desired));
                    done.add("replace " + type.name() + " " + key);
                } else {
                    settled(standby, type, standby.update(type, current, desired));
                    done.add("update " + type.name() + " " + key);
                }
            }
        }
        return done;
    }

    /**
     * Waits for the written entity to settle, as the engine does after a write (here on the calling
     * thread and the delay scheduler); a failed settle throws what the store failed it with.
     */
    static ObjectNode settled(EntityStore store, EntityType type, ObjectNode written) {
        try {
            return store.settle(type, written, Runnable::run).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    static Map<String, ObjectNode> byKey(EntityType type, List<ObjectNode> items) {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        items.forEach(item -> result.put(type.key(item), item));
        return result;
    }
}
