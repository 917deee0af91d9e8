package io.imagestreams.stream.rest.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.rest.table.TableVersion;
import io.imagestreams.stream.rest.watch.WatchRequest.Start;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How watch query parameters are read, with the API server's rules and errors. */
class WatchRequestTest {

    @Test
    void listsFirstWithoutAResourceVersionOrWithZero() {
        assertThat(parse(Map.of()).start()).isEqualTo(Start.LIST);
        assertThat(parse(Map.of("resourceVersion", "0")).start()).isEqualTo(Start.LIST);
        assertThat(parse(Map.of("resourceVersion", "0", "sendInitialEvents", "false")).start()).isEqualTo(Start.NOW);
    }

    @Test
    void resumesFromAResourceVersionUnlessInitialEventsAreAsked() {
        assertThat(parse(Map.of("resourceVersion", "42")).start()).isEqualTo(Start.RESUME);
        assertThat(parse(Map.of("resourceVersion", "42")).resourceVersion()).isEqualTo(42);
        WatchRequest streamingList = parse(Map.of("resourceVersion", "42", "sendInitialEvents", "true", "allowWatchBookmarks", "true"));
        assertThat(streamingList.start()).isEqualTo(Start.LIST);
        assertThat(streamingList.marksInitialEventsEnd()).isTrue();
    }

    @Test
    void readsTimeoutBookmarksAndTableForm() {
        WatchRequest request = WatchRequest.parse("shop", null, Map.of("timeoutSeconds", "30", "allowWatchBookmarks", "1")::get,
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        assertThat(request.timeoutSeconds()).hasValue(30);
        assertThat(request.allowWatchBookmarks()).isTrue();
        assertThat(request.table()).hasValueSatisfying(options -> assertThat(options.version()).isEqualTo(TableVersion.V1));
        assertThat(parse(Map.of("timeoutSeconds", "0")).timeoutSeconds()).isEmpty();
    }

    @Test
    void scopesALegacyNamedWatchToThatName() {
        WatchRequest request = WatchRequest.parse("shop", "app", Map.<String, String>of()::get, null);

        assertThat(request.filter().fields().matches("shop", "app")).isTrue();
        assertThat(request.filter().fields().matches("shop", "other")).isFalse();
        assertThat(WatchRequest.parse("shop", "app", Map.of("fieldSelector", "metadata.name=app")::get, null).filter().namespace())
                .isEqualTo("shop");
    }

    @Test
    void rejectsMalformedParametersAsBadRequests() {
        assertBadRequest(Map.of("resourceVersion", "abc"), "invalid resource version: abc");
        assertBadRequest(Map.of("timeoutSeconds", "-1"), "invalid value for timeoutSeconds: -1");
        assertBadRequest(Map.of("allowWatchBookmarks", "yes"), "invalid value for allowWatchBookmarks: yes");
        assertBadRequest(Map.of("fieldSelector", "spec.x=1"), "field label not supported: spec.x");
        assertThatThrownBy(() -> WatchRequest.parse("shop", "app", Map.of("fieldSelector", "metadata.name=other")::get, null))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status().getMessage())
                        .isEqualTo("fieldSelector metadata.name doesn't match requested name"));
    }

    private static WatchRequest parse(Map<String, String> query) {
        return WatchRequest.parse("shop", null, query::get, null);
    }

    private static void assertBadRequest(Map<String, String> query, String message) {
        assertThatThrownBy(() -> parse(query)).isInstanceOfSatisfying(StatusException.class, e -> {
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.status().getMessage()).isEqualTo(message);
        });
    }
}
