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
     * Adds the page's items and returns how many it held. IBM's SDKs declare the collection required
     * even when empty: a page without it would silently cut the list, and a cut list looks like
     * deleted resources to the sync.
     */
    public static int addItems(
            ObjectNode page, String listKey, List<ObjectNode> items, Function<String, IbmApiException> unexpected) {
        JsonNode array = page.get(listKey);
        if (array == null || array.isNull()) {
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
        return array.size();
    }
}
