package io.imagestreams.stream.rest.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.stream.service.watch.WatchHub;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Periodic BOOKMARK events and the bound on a slow client's backlog, with short intervals and small limits so the
 * test need not wait minutes or push megabytes.
 */
@QuarkusTest
@TestProfile(WatchLimitsTest.TightLimits.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class WatchLimitsTest {

    private static final String API = "/apis/image.openshift.io/v1";

    @TestHTTPResource("/")
    URL server;

    @Inject
    WatchHub hub;

    @Test
    void sendsBookmarksThatMoveUpOnceChangesHaveSettled() {
        // given
        String ns = WatchTest.namespace();
        try (WatchStream watch = WatchStream.open(URI.create(server.toString())
                .resolve(API + "/namespaces/" + ns + "/imagestreams?watch=true&allowWatchBookmarks=true"))) {

            // when
            long created = WatchTest.create(ns, "app", Map.of());

            // then
            await().atMost(Duration.ofSeconds(15)).until(() -> watch.events().stream()
                    .filter(e -> e.path("type").asText().equals("BOOKMARK"))
                    .anyMatch(e -> resourceVersion(e) >= created));
            JsonNode bookmark = watch.events().stream().filter(e -> e.path("type").asText().equals("BOOKMARK")).findFirst().orElseThrow();
            assertThat(bookmark.path("object").path("kind").asText()).isEqualTo("ImageStream");
            assertThat(bookmark.path("object").path("metadata").size()).isEqualTo(2);
            assertThat(watch.summary()).contains("ADDED app");
        }
    }

    @Test
    void sendsNoBookmarksUnlessAsked() {
        String ns = WatchTest.namespace();
        try (WatchStream watch = WatchStream.open(URI.create(server.toString())
                .resolve(API + "/namespaces/" + ns + "/imagestreams?watch=true&timeoutSeconds=2"))) {
            await().atMost(Duration.ofSeconds(10)).until(watch::ended);
            assertThat(watch.events()).isEmpty();
        }
    }

    @Test
    void dropsAClientThatStopsReadingInsteadOfBufferingForIt() throws IOException {
        // given: a client with a tiny receive window that never reads its watch
        String ns = WatchTest.namespace();
        WatchTest.create(ns, "big", Map.of());
        int before = hub.subscriberCount();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
            socket.getOutputStream().write(("GET " + API + "/namespaces/" + ns + "/imagestreams?watch=true HTTP/1.1\r\n"
                    + "Host: " + server.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscriberCount() == before + 1);

            // when: far more changes than the socket buffers hold
            String padding = "x".repeat(100_000);
            for (int i = 0; i < 100 && hub.subscriberCount() > before; i++) {
                annotate(ns, "big", i + padding);
            }

            // then: the server let go of it, connection included
            await().atMost(Duration.ofSeconds(30)).until(() -> hub.subscriberCount() == before);
            socket.setSoTimeout(10_000);
            assertThat(readToEnd(socket.getInputStream())).isTrue();
        }
    }

    private static void annotate(String ns, String name, String note) {
        given().contentType("application/json")
                .body(Map.of("metadata", Map.of("name", name, "namespace", ns, "annotations", Map.of("note", note))))
                .when().put(API + "/namespaces/" + ns + "/imagestreams/" + name)
                .then().statusCode(200);
    }

    /** Whether the stream ends (or is reset) rather than staying open. */
    private static boolean readToEnd(InputStream in) {
        byte[] buffer = new byte[1 << 16];
        try {
            while (in.read(buffer) >= 0) {
                // discard what was buffered before the server dropped the connection
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static long resourceVersion(JsonNode event) {
        return Long.parseLong(event.path("object").path("metadata").path("resourceVersion").asText());
    }

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stream-watch.bookmark-interval", "300ms", "stream-watch.look-back", "1s",
                    "stream-watch.poll-batch-size", "5", "stream-watch.max-pending-events", "5");
        }
    }
}
