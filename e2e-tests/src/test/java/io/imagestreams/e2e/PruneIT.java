package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.launcher.Component;
import io.imagestreams.launcher.FreePorts;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Pruning end to end on the packaged suite and the real broker: prune-service plans from stream-service's change
 * log, sends its commands on {@code image-prune-commands}, and records the outcome from the events stream-service
 * answers with. One suite with the default undo window (dry run, confirm, undo), one whose window is zero (the
 * removed entries' Image objects are deleted).
 */
@TestMethodOrder(OrderAnnotation.class)
class PruneIT {

    /** Events and commands of a healthy suite travel well within this. */
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final int IMAGES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Nothing listens there: the pull specs never leave the loopback interface. */
    private final String registry = "127.0.0.1:" + FreePorts.next();

    @Test
    @Order(1)
    void aDryRunChangesNothingAConfirmedRunPrunesAndUndoPutsTheEntriesBackInOrder() {
        try (PackagedSuite suite = PackagedSuite.prepare("prune-it")) {
            suite.up();
            ImageStreamApi api = new ImageStreamApi(suite.serviceUri(Component.STREAM_SERVICE, "/"));
            String ns = "e2e-prune-" + UUID.randomUUID().toString().substring(0, 8);

            // given ten images mapped to one tag, newest last
            List<String> newestFirst = mapImages(api, ns);
            awaitProjected(suite, ns);

            // when: a dry run
            JsonNode dryRun = awaitFinished(suite, startRun(suite, """
                    {"namespace":"%s","keepTagRevisions":3,"keepYoungerThan":"0s"}""".formatted(ns)));

            // then it plans seven removals and changes nothing
            assertThat(dryRun.path("state").asText()).as(dryRun.toString()).isEqualTo("Succeeded");
            assertThat(dryRun.path("dryRun").asBoolean()).isTrue();
            assertThat(dryRun.at("/counts/planned/historyEntries").asInt()).isEqualTo(7);
            assertThat(dryRun.path("inUseCheck").asText()).isEqualTo("NotConfigured");
            JsonNode items = planItems(suite, dryRun);
            assertThat(planItem(items, 0).path("reasons").get(0).asText()).isEqualTo("CurrentImage");
            assertThat(planItem(items, 3).path("action").asText()).isEqualTo("Remove");
            assertThat(planItem(items, 3).path("reasons").get(0).asText()).isEqualTo("Pruned");
            assertThat(history(api, ns)).containsExactlyElementsOf(newestFirst);

            // when: confirmed
            String id = startRun(suite, """
                    {"namespace":"%s","keepTagRevisions":3,"keepYoungerThan":"0s","confirm":true}""".formatted(ns));

            // then stream-service removed the seven older entries and kept the current image
            JsonNode run = awaitFinished(suite, id);
            assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("Succeeded");
            assertThat(run.at("/counts/planned/historyEntries").asInt()).isEqualTo(7);
            assertThat(run.at("/counts/planned/historyEntriesKept").asInt()).isEqualTo(3);
            assertThat(run.at("/counts/applied/historyEntries").asInt()).isEqualTo(7);
            assertThat(run.path("undoableUntil").asText()).isNotEmpty();
            assertThat(history(api, ns)).containsExactlyElementsOf(newestFirst.subList(0, 3));

            // when: undone
            JsonNode undone = prune(suite, "POST", "/api/v1/runs/" + id + "/undo", null, 202);

            // then the seven come back below the current image, in their old order
            assertThat(undone.path("state").asText()).isEqualTo("Undone");
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(history(api, ns)).containsExactlyElementsOf(newestFirst));
            await().atMost(DELIVERY).untilAsserted(() -> assertThat(
                    prune(suite, "GET", "/api/v1/runs/" + id, null, 200).at("/counts/applied/historyEntriesRestored").asInt())
                    .isEqualTo(7));
        }
    }

    @Test
    @Order(2)
    void withAZeroUndoWindowTheRemovedEntriesImagesAreDeleted() {
        try (PackagedSuite suite = PackagedSuite.prepare("prune-it")) {
            // prune-service's configuration, through the environment every service inherits from ./suite (the other
            // services' strict imagestreams.* mappings do not take these variables for theirs: the suite comes up)
            suite.withEnvironment("IMAGESTREAMS_UNDO_WINDOW", "0s");
            suite.withEnvironment("IMAGESTREAMS_HOUSEKEEPING_INTERVAL", "2s");
            suite.up();
            ImageStreamApi api = new ImageStreamApi(suite.serviceUri(Component.STREAM_SERVICE, "/"));
            String ns = "e2e-prune-" + UUID.randomUUID().toString().substring(0, 8);

            // given
            List<String> newestFirst = mapImages(api, ns);
            awaitProjected(suite, ns);
            newestFirst.forEach(digest -> assertThat(imageStatus(suite, digest)).as(digest).isEqualTo(200));

            // when: a confirmed run over all namespaces, which also deletes images
            String id = startRun(suite, """
                    {"keepTagRevisions":3,"keepYoungerThan":"0s","confirm":true}""");

            // then it cannot be undone, and the seven removed entries' images go once the (closed) window is seen
            JsonNode run = awaitFinished(suite, id);
            assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("Succeeded");
            assertThat(run.at("/counts/planned/images").asInt()).isEqualTo(7);
            assertThat(run.at("/counts/applied/historyEntries").asInt()).isEqualTo(7);
            prune(suite, "POST", "/api/v1/runs/" + id + "/undo", null, 409);
            await().atMost(DELIVERY).untilAsserted(() -> {
                for (String removed : newestFirst.subList(3, IMAGES)) {
                    assertThat(imageStatus(suite, removed)).as(removed).isEqualTo(404);
                }
            });
            for (String kept : newestFirst.subList(0, 3)) {
                assertThat(imageStatus(suite, kept)).as(kept).isEqualTo(200);
            }
            await().atMost(DELIVERY).untilAsserted(() -> {
                JsonNode done = prune(suite, "GET", "/api/v1/runs/" + id, null, 200);
                assertThat(done.at("/counts/applied/images").asInt()).isEqualTo(7);
                assertThat(done.at("/progress/imageDeletion").asText()).isEqualTo("Sent");
            });
            assertThat(history(api, ns)).containsExactlyElementsOf(newestFirst.subList(0, 3));
        }
    }

    /** Creates {@code ns/app} and maps {@value #IMAGES} new images to {@code app:v1}; returns them newest first. */
    private List<String> mapImages(ImageStreamApi api, String ns) {
        api.createStream(ns, """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"app"},"spec":{}}""");
        List<String> digests = IntStream.range(0, IMAGES).mapToObj(i -> digest()).toList();
        for (String digest : digests) {
            api.map(ns, "app", "v1", digest, registry + "/" + ns + "/app@" + digest);
        }
        List<String> newestFirst = new ArrayList<>(digests);
        java.util.Collections.reverse(newestFirst);
        assertThat(history(api, ns)).containsExactlyElementsOf(newestFirst);
        return newestFirst;
    }

    /** Waits until prune-service's projection holds the whole history (a dry run plans every entry). */
    private static void awaitProjected(PackagedSuite suite, String ns) {
        await().atMost(DELIVERY).untilAsserted(() -> {
            JsonNode plan = awaitFinished(suite, startRun(suite, """
                    {"namespace":"%s"}""".formatted(ns)));
            assertThat(planItems(suite, plan).size()).isEqualTo(IMAGES);
        });
    }

    private static List<String> history(ImageStreamApi api, String ns) {
        return api.getStream(ns, "app").at("/status/tags/0/items").findValuesAsText("image");
    }

    /** The history entries of a run's plan (one page: the tests' runs plan few). */
    private static JsonNode planItems(PackagedSuite suite, JsonNode run) {
        JsonNode page = prune(suite, "GET", run.at("/plan/items").asText() + "?limit=1000", null, 200);
        assertThat(page.has("next")).as("one page holds the plan").isFalse();
        return page.path("items");
    }

    private static JsonNode planItem(JsonNode items, int position) {
        for (JsonNode item : items) {
            if (item.path("position").asInt() == position) {
                return item;
            }
        }
        throw new AssertionError("no plan item at position " + position + " in " + items);
    }

    private static String startRun(PackagedSuite suite, String body) {
        return prune(suite, "POST", "/api/v1/runs", body, 202).path("id").asText();
    }

    /** Waits until the run has left Planning and Applying. */
    private static JsonNode awaitFinished(PackagedSuite suite, String id) {
        return await().atMost(DELIVERY).until(() -> prune(suite, "GET", "/api/v1/runs/" + id, null, 200),
                run -> !List.of("Planning", "Applying").contains(run.path("state").asText()));
    }

    private static JsonNode prune(PackagedSuite suite, String method, String path, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(suite.serviceUri(Component.PRUNE_SERVICE, path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).as(method + " " + path + " answered " + response.body()).isEqualTo(expectedStatus);
        try {
            return EventRecord.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " answered no JSON: " + response.body(), e);
        }
    }

    /** The status of {@code GET /apis/image.openshift.io/v1/images/<digest>}. */
    private static int imageStatus(PackagedSuite suite, String digest) {
        return send(HttpRequest.newBuilder(suite.serviceUri(Component.STREAM_SERVICE, "/apis/image.openshift.io/v1/images/" + digest))
                .timeout(Duration.ofSeconds(10)).GET().build()).statusCode();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String digest() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sha256:" + HexFormat.of().formatHex(bytes);
    }
}
