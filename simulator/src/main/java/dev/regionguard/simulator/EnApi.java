package dev.regionguard.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Runs one request on a known EN collection or entity of an instance; the HTTP layer is elsewhere. */
final class EnApi {

    private EnApi() {}

    static Reply handle(
            EnInstance instance,
            String method,
            EnRoute route,
            Map<String, String> query,
            String contentType,
            byte[] body,
            String collectionUrl,
            EmailDns dns) {
        EntityKind kind = route.kind();
        if (route.isAction()) {
            boolean test = route.action().equals(DestinationTests.ACTION);
            if (!method.equals(test ? "POST" : "PATCH")) {
                throw ApiException.methodNotAllowed(method);
            }
            return test
                    ? DestinationTests.handle(instance, route.entityId())
                    : EmailDomainActions.handle(instance, route, query, body, dns);
        }
        if (route.collection()) {
            return collection(instance, method, route, query, contentType, body, collectionUrl);
        }
        if (method.equals("GET")) {
            return instance.locked(() ->
                    new Reply(200, kind.view(instance, kind.find(instance, route.parentId(), route.entityId()))));
        }
        if (method.equals(kind.updateMethod())) {
            RequestBody request = decode(kind, contentType, body, query);
            return instance.locked(() -> new Reply(200, update(instance, kind, route, request)));
        }
        if (method.equals("DELETE") && kind.deletable()) {
            return instance.locked(() -> {
                kind.delete(instance, kind.find(instance, route.parentId(), route.entityId()));
                return new Reply(204, null);
            });
        }
        throw ApiException.methodNotAllowed(method);
    }

    private static Reply collection(
            EnInstance instance,
            String method,
            EnRoute route,
            Map<String, String> query,
            String contentType,
            byte[] body,
            String collectionUrl) {
        EntityKind kind = route.kind();
        return switch (method) {
            case "GET" -> {
                ListPage page = ListPage.from(query, kind.listFilters());
                yield instance.locked(() -> new Reply(
                        200,
                        page.render(
                                kind.listKey(),
                                kind.items(instance, route.parentId()).stream()
                                        .filter(page::matchesFilters)
                                        .toList(),
                                kind::matchesSearch,
                                stored -> kind.listItem(instance, stored),
                                collectionUrl)));
            }
            case "POST" -> {
                RequestBody request = decode(kind, contentType, body, query);
                yield instance.locked(() -> new Reply(
                        201, kind.createResponse(instance, kind.create(instance, route.parentId(), request))));
            }
            // collections whose entities have no path of their own (tag subscriptions) name one in the query
            case "DELETE" ->
                instance.locked(() -> {
                    kind.delete(instance, kind.findByQuery(instance, route.parentId(), query));
                    return new Reply(204, null);
                });
            default -> throw ApiException.methodNotAllowed(method);
        };
    }

    /** Works on a copy, so a request refused half-way leaves the entity as it was. */
    private static ObjectNode update(EnInstance instance, EntityKind kind, EnRoute route, RequestBody request) {
        ObjectNode working =
                kind.find(instance, route.parentId(), route.entityId()).deepCopy();
        kind.update(instance, working, request);
        kind.table(instance).put(working);
        return kind.view(instance, working);
    }

    private static RequestBody decode(EntityKind kind, String contentType, byte[] body, Map<String, String> query) {
        if (kind.multipart()) {
            return DestinationForm.decode(contentType, body, query);
        }
        // SMTP users may be created with no body at all
        ObjectNode fields = body.length == 0 && kind == EnKinds.SMTP_USERS ? Json.object() : Json.parseObject(body);
        return new RequestBody(fields, Map.of(), query);
    }
}
