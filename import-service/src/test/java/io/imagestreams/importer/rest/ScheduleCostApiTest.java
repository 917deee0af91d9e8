package io.imagestreams.importer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.imagestreams.api.event.StreamCreated;
import io.imagestreams.importer.messaging.StreamEventsConsumer;
import io.imagestreams.importer.messaging.TestEvents;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.testsupport.registry.DockerRegistryServer;
import io.imagestreams.testsupport.registry.ImageSpec;
import io.imagestreams.testsupport.registry.PushedImage;
import io.imagestreams.testsupport.registry.PushedIndex;
import io.imagestreams.testsupport.registry.RecordingProxy;
import io.imagestreams.testsupport.registry.RegistryPusher;
import io.imagestreams.testsupport.registry.TokenServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/schedules/cost} on schedules learned from stream events, checked against a real registry with
 * token auth (Debian's docker-registry and a token service issuing 300 s tokens) behind a proxy that adds
 * {@code RateLimit-*} headers to manifest answers: 5 requests per hour, 4 left, reset in 30 minutes.
 */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class ScheduleCostApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static TokenServer tokenServer;
    static DockerRegistryServer registry;
    static RecordingProxy proxy;

    @Inject
    @Any
    InMemoryConnector connector;

    @BeforeAll
    static void startRegistry() {
        tokenServer = TokenServer.builder()
                .user("pusher", "push-pass-1")
                .grant("team/*", TokenServer.ANYONE, "pull")
                .grant("team/*", "pusher", "pull", "push")
                .expiresIn(Duration.ofSeconds(300))
                .start();
        registry = DockerRegistryServer.builder().tokenAuth(tokenServer).start();
        proxy = RecordingProxy.start(registry.url());
        proxy.rewriteMatching(null, "/manifests/", -1, response -> response
                .withHeader("RateLimit-Limit", "5;w=3600")
                .withHeader("RateLimit-Remaining", "4;w=3600")
                .withHeader("RateLimit-Reset", "1800"));
    }

    @AfterAll
    static void stopRegistry() {
        if (proxy != null) {
            proxy.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (tokenServer != null) {
            tokenServer.close();
        }
    }

    @Test
    void previewsWhatTheScheduledTagsCostPerRegistryAndWhatAnotherIntervalWould() {
        // given: a stream with a scheduled image, a scheduled multi-arch image (both checked once), a scheduled tag on
        // a registry never contacted, and a tag imported once
        String repo = "team/web-" + suffix();
        RegistryPusher pusher = new RegistryPusher(registry.url(), "pusher", "push-pass-1");
        PushedImage single = pusher.push(repo, "v1", ImageSpec.linux("amd64"));
        PushedIndex list = pusher.pushIndex(repo, "multi", List.of(ImageSpec.linux("amd64"), ImageSpec.linux("arm64")));
        String ns = "ns-" + suffix();
        String host = proxy.hostPort();
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamCreated(ns, "app", "uid", 1, List.of(
                TestEvents.dockerTag("web", host + "/" + repo + ":v1", true, 1),
                TestEvents.dockerTag("multi", host + "/" + repo + ":multi", true, 1),
                TestEvents.dockerTag("other", "registry.example:5000/team/app:v1", true, 1),
                TestEvents.dockerTag("once", host + "/" + repo + ":v1", false, 1))));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/schedules?namespace=" + ns)
                .then().body("scheduledTags", equalTo(3)));
        checkNowAndAwait(ns, "web");
        checkNowAndAwait(ns, "multi");

        // when
        JsonPath cost = given().get("/api/v1/schedules/cost?namespace=" + ns)
                .then().statusCode(200).extract().jsonPath();

        // then: the test profile checks every hour; one HEAD per check
        assertThat(cost.getString("namespace")).isEqualTo(ns);
        assertThat(cost.getString("interval")).isEqualTo("1h0m0s");
        assertThat(cost.getBoolean("preview")).isFalse();
        assertThat(cost.getLong("scheduledTags")).isEqualTo(3);
        assertThat(cost.getDouble("requestsPerHour.projected")).isEqualTo(3.0);
        assertThat(cost.getInt("cap.maxChecksPerMinute")).isEqualTo(600);
        assertThat(cost.getBoolean("cap.exceeded")).isFalse();
        assertThat(cost.getList("registries.registry")).containsExactly(host, "registry.example:5000");
        assertThat(cost.getList("warnings")).isEmpty();

        // and the registry checked: an image and a list, their tokens, the learned budget, OpenShift's full imports
        JsonPath checked = JsonPath.from(cost.prettify()).setRootPath("registries[0]");
        assertThat(checked.getLong("scheduledTags")).isEqualTo(2);
        assertThat(checked.getList("intervals")).containsExactly(Map.of("interval", "1h0m0s", "effective", "1h0m0s",
                "tags", 2));
        assertThat(checked.getDouble("requestsPerHour.projected")).isEqualTo(2.0);
        assertThat(checked.getDouble("requestsPerHour.effective")).isEqualTo(2.0);
        assertThat(checked.getList("perChange.kind")).containsExactly("Image", "ManifestList");
        assertThat(checked.getList("perChange.requests")).containsExactly(2, 3);
        assertThat(checked.getLong("perChangeOfEveryTag")).isEqualTo(5);
        assertThat(checked.getString("tokens.auth")).isEqualTo("bearer");
        assertThat(checked.getString("tokens.tokenService")).isEqualTo(tokenServer.realm().getRawAuthority());
        assertThat(checked.getLong("tokens.lifetimeSeconds")).isEqualTo(300);
        assertThat(checked.getString("tokens.lifetimeSource")).isEqualTo("learned");
        assertThat(checked.getLong("tokens.repositories")).isEqualTo(1);
        assertThat(checked.getDouble("tokens.requestsPerHour.projected")).isEqualTo(2.0);
        assertThat(checked.getDouble("openShiftEquivalentPerHour")).isEqualTo(5.0);
        assertThat(checked.getString("budget.host")).isEqualTo(host);
        assertThat(checked.getLong("budget.limit")).isEqualTo(5);
        assertThat(checked.getLong("budget.windowSeconds")).isEqualTo(3600);
        assertThat(checked.getLong("budget.remaining")).isEqualTo(4);
        assertThat(checked.getDouble("budget.projectedPerWindow")).isEqualTo(2.0);

        // and the registry never contacted: tokens costed with the typical lifetime, no budget
        JsonPath unknown = JsonPath.from(cost.prettify()).setRootPath("registries[1]");
        assertThat(unknown.getString("tokens.auth")).isEqualTo("unknown");
        assertThat(unknown.getString("tokens.lifetimeSource")).isEqualTo("typical");
        assertThat(unknown.getList("perChange.kind")).containsExactly("Unknown");
        assertThat(unknown.getString("budget")).isNull();

        // when: the same tags checked every 5 minutes
        JsonPath whatIf = given().get("/api/v1/schedules/cost?namespace=" + ns + "&interval=5m")
                .then().statusCode(200).extract().jsonPath();

        // then: 24 HEADs an hour exceed the registry's 5, and its 4 left run out before the reset
        assertThat(whatIf.getString("interval")).isEqualTo("5m0s");
        assertThat(whatIf.getString("configuredInterval")).isEqualTo("1h0m0s");
        assertThat(whatIf.getBoolean("preview")).isTrue();
        assertThat(whatIf.getDouble("registries[0].requestsPerHour.projected")).isEqualTo(24.0);
        // 24 checks an hour of one repository, 150 s apart: a 300 s token serves two
        assertThat(whatIf.getDouble("registries[0].tokens.requestsPerHour.projected")).isEqualTo(12.0);
        // OpenShift cannot import more often than every 15 minutes
        assertThat(whatIf.getDouble("registries[0].openShiftEquivalentPerHour")).isEqualTo(20.0);
        assertThat(whatIf.getList("registries[0].warnings", String.class)).satisfiesExactly(
                window -> assertThat(window).isEqualTo(host + ": about 24 requests per 1h0m0s exceed the limit of 5"
                        + " the registry announced (RateLimit-Limit)"),
                remaining -> assertThat(remaining).startsWith(host + ": 4 requests remain until ")
                        .contains("they run out about"));
        assertThat(whatIf.getList("warnings", String.class)).hasSize(2);

        // and nothing changed; the schedules show what their tags are
        given().get("/api/v1/schedules/" + ns + "/app/web").then().body("interval", equalTo("1h0m0s"))
                .body("lastMediaType", equalTo(single.mediaType()));
        given().get("/api/v1/schedules/" + ns + "/app/multi").then().body("interval", equalTo("1h0m0s"))
                .body("lastMediaType", equalTo(list.mediaType()));
    }

    @Test
    void aBadIntervalOrNamespaceIsA400NamingTheField() {
        given().get("/api/v1/schedules/cost?interval=soon").then().statusCode(400)
                .body("field", equalTo("interval")).body("error", containsString("\"soon\" is not a duration"));
        given().get("/api/v1/schedules/cost?interval=-5m").then().statusCode(400).body("field", equalTo("interval"));
        // below the scheduler's poll interval (200ms in tests)
        given().get("/api/v1/schedules/cost?interval=100ms").then().statusCode(400)
                .body("field", equalTo("interval")).body("error", containsString("at least"));
        given().get("/api/v1/schedules/cost?namespace=Not_A_Namespace").then().statusCode(400)
                .body("field", equalTo("namespace"));
        given().get("/api/v1/schedules/cost?interval=1h30m").then().statusCode(200)
                .body("interval", equalTo("1h30m0s"));
    }

    @Test
    void theProjectedRequestsPerRegistryAreAGauge() {
        // given: a scheduled tag on a registry no other test uses
        String ns = "ns-" + suffix();
        TestEvents.send(connector, StreamEventsConsumer.CHANNEL, new StreamCreated(ns, "app", "uid", 1, List.of(
                TestEvents.dockerTag("v1", "gauge.example:5000/team/app:v1", true, 1),
                TestEvents.dockerTag("v2", "gauge.example:5000/team/app:v2", true, 1))));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/schedules?namespace=" + ns)
                .then().body("scheduledTags", equalTo(2)));

        // when: the whole schedule is previewed
        given().get("/api/v1/schedules/cost").then().statusCode(200);

        // then: two hourly checks
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("imagestreams_schedule_requests_per_hour{registry=\"gauge.example:5000\"} 2.0");
    }

    /** Asks for a check of {@code tag} now and waits until it has imported the tag. */
    private static void checkNowAndAwait(String ns, String tag) {
        given().post("/api/v1/schedules/" + ns + "/app/" + tag + "/check").then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath schedule = given().get("/api/v1/schedules/" + ns + "/app/" + tag).then().extract().jsonPath();
            assertThat(schedule.getString("lastResult")).as("check of %s (%s)", tag, schedule.getString("lastMessage"))
                    .isEqualTo("Updated");
        });
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
