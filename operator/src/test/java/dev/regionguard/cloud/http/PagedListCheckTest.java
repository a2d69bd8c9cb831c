package dev.regionguard.cloud.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.regionguard.cloud.ErrorCategory;
import dev.regionguard.cloud.IbmApiException;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class PagedListCheckTest {

    private static IbmApiException unexpected(String message) {
        return new IbmApiException(200, ErrorCategory.UNEXPECTED, null, message, null, "us-south", null, null);
    }

    private final PagedListCheck check = new PagedListCheck("topics", PagedListCheckTest::unexpected);

    @Test
    void wholeListsPass() {
        assertThatCode(() -> {
                    check.page(null, 100, 100, 150L, true);
                    check.page("100", 50, 100, 150L, false);
                })
                .doesNotThrowAnyException();
        assertThatCode(() -> new PagedListCheck("apps", PagedListCheckTest::unexpected).page(null, 0, 100, null, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> new PagedListCheck("topics", PagedListCheckTest::unexpected).page(null, 0, 100, 0L, false))
                .doesNotThrowAnyException();
    }

    @Test
    void aPositionReadTwiceIsACycle() {
        check.page(null, 100, 100, null, true);
        check.page("tokenB", 100, 100, null, true);
        assertThatThrownBy(() -> check.page(null, 100, 100, null, true))
                .isInstanceOf(IbmApiException.class)
                .hasMessageContaining("already read");
    }

    @Test
    void moreItemsThanTotalFail() {
        check.page(null, 100, 100, 150L, true);
        assertThatThrownBy(() -> check.page("100", 100, 100, 150L, true)).hasMessageContaining("more items");
    }

    @Test
    void aListEndingShortOfTotalFails() {
        // page 1 without next (MISSING_NEXT) or a last page cut (TRUNCATED_PAGE)
        assertThatThrownBy(() -> check.page(null, 100, 100, 150L, false))
                .hasMessageContaining("100 of total_count 150");
    }

    @Test
    void aShortPageThatIsNotTheLastFails() {
        assertThatThrownBy(() -> check.page(null, 60, 100, null, true)).hasMessageContaining("60 of 100");
    }

    @Test
    void aTotalThatChangesBetweenPagesFails() {
        // an entity deleted on page 1 while page 2 is read shifts offset paging
        check.page(null, 100, 100, 150L, true);
        assertThatThrownBy(() -> check.page("100", 49, 100, 149L, false)).hasMessageContaining("total_count changed");
    }

    @Test
    void aPageWithoutTheCollectionKeyFails() {
        ObjectNode bare = new ObjectMapper().createObjectNode().put("total_count", 0);
        assertThatThrownBy(() -> ListPages.addItems(bare, "topics", new ArrayList<>(), PagedListCheckTest::unexpected))
                .hasMessageContaining("without topics");
        ObjectNode empty = new ObjectMapper().createObjectNode();
        assertThatThrownBy(() -> ListPages.addItems(empty, "apps", new ArrayList<>(), PagedListCheckTest::unexpected))
                .hasMessageContaining("without apps");
    }
}
