package dev.regionguard.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A store that forwards every call, for tests that change one call. */
class FakeStoreDelegate implements EntityStore {
    private final EntityStore store;

    FakeStoreDelegate(EntityStore store) {
        this.store = store;
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public void startPass() {
        store.startPass();
    }

    @Override
    public List<ObjectNode> list(EntityType type) {
        return store.list(type);
    }

    @Override
    public ObjectNode read(EntityType type, ObjectNode listItem) {
        return store.read(type, listItem);
    }

    @Override
    public ObjectNode find(EntityType type, String id) {
        return store.find(type, id);
    }

    @Override
    public ObjectNode create(EntityType type, Desired desired) {
        return store.create(type, desired);
    }

    @Override
    public ObjectNode update(EntityType type, ObjectNode current, Desired desired) {
        return store.update(type, current, desired);
    }

    @Override
    public void delete(EntityType type, ObjectNode current) {
        store.delete(type, current);
    }
}
