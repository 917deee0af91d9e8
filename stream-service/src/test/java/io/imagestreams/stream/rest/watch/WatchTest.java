package io.imagestreams.stream.rest.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.stream.repository.WatchEventRepository;
import io.imagestreams.stream.service.watch.WatchHub;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Image stream watches over HTTP against a real PostgreSQL, read line by line as kubectl and client-go read them. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class WatchTest {

    private static final String API = "/apis/image.openshift.io/v1";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URL server;

    @Inject
    WatchHub hub;

    @Inject
    WatchEventRepository watchEvents;

    @Inject
    Pool pool;

    private final List<WatchStream> opened = new ArrayList<>();

    @AfterEach
    void closeWatches() {
        opened.forEach(WatchStream::close);
    }

    @Test
    void streamsCreateUpdateAndDeleteAsAddedModifiedDeletedWithIncreasingVersions() {
        // given
        String ns = namespace();
        WatchStream watch = watch(API + "/namespaces/" + ns + "/imagestreams?watch=true");

        // when
        long created = create(ns, "app", Map.of());
        long updated = relabel(ns, "app", Map.of("tier", "web"));
        long deleted = delete(ns, "app");

        // then
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 3);
        assertThat(watch.summary()).containsExactly("ADDED app", "MODIFIED app", "DELETED app");
        assertThat(versions(watch)).containsExactly(created, updated, deleted).isSorted();
        JsonNode modified = watch.events().get(1).path("object");
        assertThat(modified.path("kind").asText()).isEqualTo("ImageStream");
        assertThat(modified.path("apiVersion").asText()).isEqualTo("image.openshift.io/v1");
        assertThat(modified.path("metadata").path("labels").path("tier").asText()).isEqualTo("web");
        assertThat(watch.response().statusCode()).isEqualTo(200);
        assertThat(watch.response().headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(watch.response().headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(watch.lines()).allSatisfy(line -> assertThat(line).startsWith("{\"type\":\"").endsWith("}"));
    }

    @Test
    void startsWithAnAddedEventForEveryExistingStreamThenFollowsChanges() {
        // given
        String ns = namespace();
        create(ns, "b", Map.of());
        create(ns, "a", Map.of());

        // when
        WatchStream watch = watch(API + "/namespaces/" + ns + "/imagestreams?watch=1");
        create(ns, "c", Map.of());

        // then
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 3);
        assertThat(watch.summary()).containsExactly("ADDED a", "ADDED b", "ADDED c");
    }

    @Test
    void resumesWithEveryChangeAfterTheGivenResourceVersion() {
        // given
        String ns = namespace();
        long created = create(ns, "app", Map.of());
        long updated = relabel(ns, "app", Map.of("v", "2"));
        long deleted = delete(ns, "app");

        // when
        WatchStream watch = watch(API + "/namespaces/" + ns + "/imagestreams?watch=true&resourceVersion=" + created);
        create(ns, "next", Map.of());

        // then
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 3);
        assertThat(watch.summary()).containsExactly("MODIFIED app", "DELETED app", "ADDED next");
        assertThat(versions(watch).subList(0, 2)).containsExactly(updated, deleted);
    }

    @Test
    void endsAWatchFromATrimmedVersionWithAnExpiredErrorEvent() {
        // given
        String ns = namespace();
        long created = create(ns, "app", Map.of());
        relabel(ns, "app", Map.of("v", "2"));
        watchEvents.deleteBefore(pool, OffsetDateTime.now().plusMinutes(1)).await().atMost(Duration.ofSeconds(10));
        long oldestKept = relabel(ns, "app", Map.of("v", "3"));

        // when
        WatchStream watch = watch(API + "/namespaces/" + ns + "/imagestreams?watch=true&resourceVersion=" + created);

        // then
        await().atMost(EVENT_WAIT).until(watch::ended);
        assertThat(watch.events()).hasSize(1);
        JsonNode error = watch.events().get(0);
        assertThat(error.path("type").asText()).isEqualTo("ERROR");
        assertThat(error.path("object").path("kind").asText()).isEqualTo("Status");
        assertThat(error.path("object").path("status").asText()).isEqualTo("Failure");
        assertThat(error.path("object").path("reason").asText()).isEqualTo("Expired");
        assertThat(error.path("object").path("code").asInt()).isEqualTo(410);
        assertThat(error.path("object").path("message").asText())
                .isEqualTo("too old resource version: " + created + " (" + (oldestKept - 1) + ")");
    }

    @Test
    void deliversAChangeCommittedAfterAHigherVersionWasAlreadySent() {
        // given: a transaction takes a version, then a later one commits first
        String ns = namespace();
        WatchStream watch = watch(API + "/namespaces/" + ns + "/imagestreams?watch=true");
        long reserved = pool.query("select nextval('resource_version_seq')").execute()
                .map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10));
        long created = create(ns, "early", Map.of());
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 1);

        // when: the first transaction commits
        ImageStream late = ImageStream.of(ns, "late");
        late.getMetadata().setResourceVersion(Long.toString(reserved));
        watchEvents.append(pool, WatchEventRepository.IMAGE_STREAMS, ns, "late", "ADDED", reserved, late)
                .await().atMost(Duration.ofSeconds(10));

        // then
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 2);
        assertThat(watch.summary()).containsExactly("ADDED early", "ADDED late");
        assertThat(versions(watch)).containsExactly(created, reserved);
    }

    @Test
    void filtersByLabelSelectorAndAnnouncesStreamsEnteringAndLeavingIt() {
        // given
        String ns = namespace();
        WatchStream watch = watch(API + "/namespaces/" + ns + "/imagestreams?watch=true&labelSelector=" + encode("tier in (web,api),!legacy"));

        // when
        create(ns, "web", Map.of("tier", "web"));
        create(ns, "db", Map.of("tier", "db"));
        relabel(ns, "web", Map.of("tier", "db"));
        relabel(ns, "db", Map.of("tier", "api"));
        relabel(ns, "db", Map.of("tier", "api", "legacy", "true"));
        create(ns, "api", Map.of("tier", "api"));

        // then
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 5);
        assertThat(watch.summary()).containsExactly("ADDED web", "DELETED web", "ADDED db", "DELETED db", "ADDED api");
        assertThat(versions(watch)).isSorted();
    }

    @Test
    void watchesOneStreamByFieldSelectorOrByTheLegacyWatchPath() {
        // given
        String ns = namespace();
        WatchStream byField = watch(API + "/namespaces/" + ns + "/imagestreams?watch=true&fieldSelector=metadata.name%3Done");
        WatchStream byPath = watch(API + "/watch/namespaces/" + ns + "/imagestreams/one");

        // when
        create(ns, "two", Map.of());
        create(ns, "one", Map.of());
        relabel(ns, "two", Map.of("v", "2"));
        relabel(ns, "one", Map.of("v", "2"));

        // then
        await().atMost(EVENT_WAIT).until(() -> byField.events().size() == 2 && byPath.events().size() == 2);
        assertThat(byField.summary()).containsExactly("ADDED one", "MODIFIED one");
        assertThat(byPath.summary()).containsExactly("ADDED one", "MODIFIED one");
    }

    @Test
    void watchesAllNamespacesOnTheClusterWidePaths() {
        // given
        String run = namespace();
        WatchStream watch = watch(API + "/imagestreams?watch=true&labelSelector=run%3D" + run);
        WatchStream legacy = watch(API + "/watch/imagestreams?labelSelector=run%3D" + run);

        // when
        create(namespace(), "first", Map.of("run", run));
        create(namespace(), "second", Map.of("run", run));

        // then
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 2 && legacy.events().size() == 2);
        assertThat(watch.summary()).containsExactly("ADDED first", "ADDED second");
        assertThat(legacy.summary()).containsExactly("ADDED first", "ADDED second");
    }

    @Test
    void sendsInitialEventsThenABookmarkMarkingTheirEnd() {
        // given
        String ns = namespace();
        long created = create(ns, "app", Map.of());

        // when
        WatchStream watch = watch(API + "/namespaces/" + ns + "/imagestreams?watch=true&sendInitialEvents=true"
                + "&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true");

        // then
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 2);
        assertThat(watch.summary()).containsExactly("ADDED app", "BOOKMARK ");
        assertThat(versions(watch).get(0)).isEqualTo(created);
        JsonNode bookmark = watch.events().get(1).path("object");
        assertThat(bookmark.path("kind").asText()).isEqualTo("ImageStream");
        assertThat(bookmark.path("metadata").path("annotations").path("k8s.io/initial-events-end").asText()).isEqualTo("true");
        assertThat(Long.parseLong(bookmark.path("metadata").path("resourceVersion").asText())).isGreaterThanOrEqualTo(created);
    }

    @Test
    void endsTheStreamAfterTimeoutSeconds() {
        WatchStream watch = watch(API + "/namespaces/" + namespace() + "/imagestreams?watch=true&timeoutSeconds=1");

        await().atMost(EVENT_WAIT).until(watch::ended);
        assertThat(watch.events()).isEmpty();
    }

    @Test
    void servesOneRowTablesWithHeadersOnlyInTheFirstEventToKubectl() {
        // given
        String ns = namespace();
        WatchStream watch = watch(API + "/namespaces/" + ns + "/imagestreams?watch=true",
                "Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json");

        // when
        long created = create(ns, "app", Map.of());
        relabel(ns, "app", Map.of("v", "2"));

        // then
        await().atMost(EVENT_WAIT).until(() -> watch.events().size() == 2);
        JsonNode first = watch.events().get(0).path("object");
        assertThat(first.path("kind").asText()).isEqualTo("Table");
        assertThat(first.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(first.path("metadata").path("resourceVersion").asText()).isEqualTo(Long.toString(created));
        assertThat(first.path("columnDefinitions").get(0).path("name").asText()).isEqualTo("Name");
        assertThat(first.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("app");
        JsonNode second = watch.events().get(1).path("object");
        assertThat(second.path("columnDefinitions").isNull()).isTrue();
        assertThat(second.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    }

    @Test
    void rejectsMalformedParametersWithABadRequestStatusBeforeStreaming() {
        given().when().get(API + "/namespaces/" + namespace() + "/imagestreams?watch=true&labelSelector=tier in (web")
                .then().statusCode(400)
                .contentType("application/json")
                .body("kind", equalTo("Status"))
                .body("reason", equalTo("BadRequest"))
                .body("code", equalTo(400));
        given().when().get(API + "/namespaces/" + namespace() + "/imagestreams?watch=true&resourceVersion=abc")
                .then().statusCode(400).body("message", equalTo("invalid resource version: abc"));
        given().queryParam("fieldSelector", "metadata.name=two").when().get(API + "/watch/namespaces/" + namespace() + "/imagestreams/one")
                .then().statusCode(400).body("message", equalTo("fieldSelector metadata.name doesn't match requested name"));
    }

    @Test
    void leavesListsAndGetsToTheRestResource() {
        String ns = namespace();
        create(ns, "app", Map.of());

        given().when().get(API + "/namespaces/" + ns + "/imagestreams?watch=false")
                .then().statusCode(200).body("kind", equalTo("ImageStreamList")).body("items.size()", equalTo(1));
        given().when().get(API + "/namespaces/" + ns + "/imagestreams/app?watch=true")
                .then().statusCode(200).body("kind", equalTo("ImageStream"));
    }

    @Test
    void releasesTheSubscriptionWhenTheClientGoesAway() {
        // given: the watches of earlier tests released (they go asynchronously and would move the count)
        await().atMost(EVENT_WAIT).until(() -> hub.subscriberCount() == 0);
        int before = hub.subscriberCount();
        WatchStream watch = watch(API + "/namespaces/" + namespace() + "/imagestreams?watch=true");
        await().atMost(EVENT_WAIT).until(() -> hub.subscriberCount() == before + 1);

        // when
        watch.close();

        // then
        await().atMost(EVENT_WAIT).until(() -> hub.subscriberCount() == before);
    }

    private WatchStream watch(String pathAndQuery, String... headers) {
        WatchStream watch = WatchStream.open(URI.create(server.toString()).resolve(pathAndQuery), headers);
        opened.add(watch);
        return watch;
    }

    private static List<Long> versions(WatchStream watch) {
        return watch.events().stream().map(e -> Long.parseLong(e.path("object").path("metadata").path("resourceVersion").asText())).toList();
    }

    static long create(String ns, String name, Map<String, String> labels) {
        return resourceVersion(given().contentType("application/json").body(stream(ns, name, labels))
                .when().post(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(201).extract().jsonPath());
    }

    static long relabel(String ns, String name, Map<String, String> labels) {
        return resourceVersion(given().contentType("application/json").body(stream(ns, name, labels))
                .when().put(API + "/namespaces/" + ns + "/imagestreams/" + name)
                .then().statusCode(200).extract().jsonPath());
    }

    static long delete(String ns, String name) {
        given().when().delete(API + "/namespaces/" + ns + "/imagestreams/" + name).then().statusCode(200);
        // a deletion takes a version of its own; the DELETED event carries it
        return Long.parseLong(given().when().get(API + "/namespaces/" + ns + "/imagestreams")
                .then().statusCode(200).extract().jsonPath().getString("metadata.resourceVersion"));
    }

    private static long resourceVersion(JsonPath stream) {
        return Long.parseLong(stream.getString("metadata.resourceVersion"));
    }

    private static Map<String, Object> stream(String ns, String name, Map<String, String> labels) {
        return Map.of("apiVersion", "image.openshift.io/v1", "kind", "ImageStream",
                "metadata", Map.of("name", name, "namespace", ns, "labels", labels));
    }

    static String namespace() {
        return "watch-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
