package dev.regionguard.cloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.IbmApiException;
import java.util.List;
import java.util.function.Function;

/** Reading the items of one page of an IBM Cloud list response, for every service's client. */
public final class ListPages {
    private ListPages() {}

    /**
     * Adds the page's items. A page without the collection key is accepted only where the caller
     * says an empty collection may omit it; anywhere else it would silently cut the list, and a cut
     * list looks like deleted resources to the sync.
     */
    public static void addItems(
            ObjectNode page,
            String listKey,
            boolean mayOmitKey,
            List<ObjectNode> items,
            Function<String, IbmApiException> unexpected) {
        JsonNode array = page.get(listKey);
        if (array == null || array.isNull()) {
            if (mayOmitKey) {
                return;
            }
            throw unexpected.apply("list page without " + listKey);
        }
        if (!array.isArray()) {
            throw unexpected.apply(listKey + " is not an array");
        }
        for (JsonNode item : array) {
            if (!(item instanceof ObjectNode object)) {
                throw unexpected.apply(listKey + " holds an item that is not an object");
            }
            items.add(object);
        }
    }
}
