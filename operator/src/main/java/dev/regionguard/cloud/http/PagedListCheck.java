package dev.regionguard.cloud.http;

import dev.regionguard.cloud.IbmApiException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Rejects a paged list that cannot be whole, for every service's client: a list read cut short or
 * read twice looks to the sync like deleted or duplicated resources, so an impossible list fails as
 * a whole (the sync then holds deletions: primary list incomplete). One instance per list read.
 */
public final class PagedListCheck {

    private final String listKey;
    private final Function<String, IbmApiException> unexpected;
    private final Set<String> positions = new HashSet<>();
    private Long total;
    private long items;
    private boolean first = true;

    /** {@code unexpected} makes the exception a failed list throws, from its message. */
    public PagedListCheck(String listKey, Function<String, IbmApiException> unexpected) {
        this.listKey = listKey;
        this.unexpected = unexpected;
    }

    /**
     * One page read. {@code position} names where it was read from (an offset or a start token;
     * null for the first page), {@code total} is its {@code total_count} or null where the API has
     * none, {@code hasNext} whether it links a next page.
     */
    public void page(String position, int pageItems, int limit, Long total, boolean hasNext) {
        if (!positions.add(position == null ? "" : position)) {
            throw fail("paging returns to a page already read (" + position + ")");
        }
        if (first) {
            this.total = total;
            first = false;
        } else if (!Objects.equals(this.total, total)) {
            throw fail("total_count changed between pages (" + this.total + " then " + total + ")");
        }
        items += pageItems;
        if (hasNext && pageItems < limit) {
            throw fail("a page that is not the last holds " + pageItems + " of " + limit + " items");
        }
        if (this.total != null && items > this.total) {
            throw fail("pages hold more items (" + items + ") than total_count " + this.total);
        }
        if (this.total != null && !hasNext && items != this.total) {
            throw fail("list ends after " + items + " of total_count " + this.total + " items");
        }
    }

    /** Fails before a read when the next page links back to a page already read. */
    public void next(String position) {
        if (positions.contains(position)) {
            throw fail("next links back to a page already read (" + position + ")");
        }
    }

    private IbmApiException fail(String reason) {
        return unexpected.apply(listKey + " list is not whole: " + reason);
    }
}
