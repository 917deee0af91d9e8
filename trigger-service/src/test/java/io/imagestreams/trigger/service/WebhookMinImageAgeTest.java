package io.imagestreams.trigger.service;

import static io.imagestreams.trigger.testing.Events.DIGEST_A;
import static io.imagestreams.trigger.testing.Events.DIGEST_B;
import static io.imagestreams.trigger.testing.Events.pullSpec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.trigger.client.TargetPolicy;
import io.imagestreams.trigger.client.WebhookSender;
import io.imagestreams.trigger.config.TriggerServiceConfig;
import io.imagestreams.trigger.repository.DeliveryRepository;
import io.imagestreams.trigger.repository.WebhookTriggerRepository;
import io.imagestreams.trigger.testing.Events;
import io.imagestreams.trigger.testing.Events.Settled;
import io.imagestreams.trigger.testing.MutableClock;
import io.imagestreams.trigger.testing.WebhookReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The minimum image age of webhook triggers: a young image is held (in the trigger's MongoDB document) until it is
 * old enough, a newer image replaces a held one, {@code fire} bypasses the gate, {@code pause} holds it, and a
 * changed minimum applies to the held image. Ages are moved forward with the service clock.
 */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class WebhookMinImageAgeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(1200);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MutableClock clock;

    @Inject
    DeliveryWorker worker;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    WebhookTriggerRepository triggerRepository;

    @Inject
    DeliveryRepository deliveryRepository;

    @Inject
    WebhookSender sender;

    @Inject
    WebhookSecrets secrets;

    @Inject
    TargetPolicy targetPolicy;

    @Inject
    Backoff backoff;

    @Inject
    TriggerServiceConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    MinImageAge minImageAge;

    private WebhookReceiver receiver;
    private String ns;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
        ns = "aged-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aYoungImageIsHeldUntilItHasAgedThenDeliveredOnce() {
        // given
        String id = register("30m");
        Instant created = now();

        // when
        tagUpdated(1, DIGEST_A, null, created);

        // then it is held, and the trigger says until when
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> receiver.received().isEmpty());
        given().when().get("/api/v1/triggers/" + id).then().statusCode(200)
                .body("minImageAge", equalTo("30m0s"))
                .body("status.lastPullSpec", equalTo(pullSpec("app", DIGEST_A)))
                .body("status.pending.image.pullSpec", equalTo(pullSpec("app", DIGEST_A)))
                .body("status.pending.generation", equalTo(1))
                .body("status.pending.ageFrom", equalTo(Rfc3339.format(created)))
                .body("status.pending.notBefore", equalTo(Rfc3339.format(created.plus(Duration.ofMinutes(30)))));
        assertThat(deliveries(id).getList("items")).isEmpty();

        // when it is nearly old enough, then old enough
        advance(Duration.ofMinutes(29));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> receiver.received().isEmpty());
        advance(Duration.ofMinutes(1));

        // then it is delivered, once
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        JsonPath event = JsonPath.from(receiver.received().get(0).body());
        assertThat(event.getString("data.image.pullSpec")).isEqualTo(pullSpec("app", DIGEST_A));
        assertThat(event.getString("data.reason")).isEqualTo("TagUpdated");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/deliveries?triggerId=" + id).then()
                .body("items.size()", equalTo(1)).body("items[0].status", equalTo("Delivered")));
        given().when().get("/api/v1/triggers/" + id).then().body("status.pending", nullValue());
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> receiver.received().size() == 1);
        given().when().get("/q/metrics").then()
                .body(containsString("imagestreams_min_image_age_total{outcome=\"held\",trigger=\"webhook\"}"))
                .body(containsString("imagestreams_min_image_age_total{outcome=\"released\",trigger=\"webhook\"}"));
    }

    @Test
    void withoutACreatedTimeTheAgeCountsFromWhenTheServiceSawTheTagMove() {
        // given
        String id = register("10m");
        Instant before = clock.instant();

        // when
        tagUpdated(1, DIGEST_A, null, null);

        // then
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/triggers/" + id).then()
                .body("status.pending.image.digest", equalTo(DIGEST_A)));
        Instant ageFrom = Instant.parse(given().when().get("/api/v1/triggers/" + id).then().extract().path("status.pending.ageFrom"));
        assertThat(ageFrom).isBetween(before.truncatedTo(ChronoUnit.SECONDS), clock.instant());
        advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
    }

    @Test
    void anImageOldEnoughFiresAtOnceAlsoForANewRegistration() {
        // given a tag whose image was recorded two hours ago
        tagUpdated(1, DIGEST_A, null, now().minus(Duration.ofHours(2)));

        // when
        String id = register("30m");

        // then
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        assertThat(JsonPath.from(receiver.received().get(0).body()).getString("data.reason")).isEqualTo("TriggerCreated");

        // when the tag moves to an image recorded an hour ago
        tagUpdated(2, DIGEST_B, DIGEST_A, now().minus(Duration.ofHours(1)));

        // then
        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        assertThat(JsonPath.from(receiver.received().get(1).body()).getString("data.image.digest")).isEqualTo(DIGEST_B);
        given().when().get("/api/v1/triggers/" + id).then().body("status.pending", nullValue());
    }

    @Test
    void aNewerImageReplacesTheHeldOneAndItsOwnAgeCounts() {
        // given image A, 20 minutes old, held for 10 more
        String id = register("30m");
        Instant start = now();
        tagUpdated(1, DIGEST_A, null, start.minus(Duration.ofMinutes(20)));
        awaitPending(id, DIGEST_A);

        // when the tag moves on to B, new
        tagUpdated(2, DIGEST_B, DIGEST_A, start);

        // then B is held for its own 30 minutes
        awaitPending(id, DIGEST_B);
        given().when().get("/api/v1/triggers/" + id).then()
                .body("status.pending.notBefore", equalTo(Rfc3339.format(start.plus(Duration.ofMinutes(30)))));

        // when A would have been old enough
        advance(Duration.ofMinutes(11));

        // then nothing is sent
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> receiver.received().isEmpty());

        // when B is old enough
        advance(Duration.ofMinutes(20));

        // then only B is delivered, and A never became a delivery
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        assertThat(JsonPath.from(receiver.received().get(0).body()).getString("data.image.digest")).isEqualTo(DIGEST_B);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> receiver.received().size() == 1);
        assertThat(deliveries(id).getList("items.image.digest", String.class)).containsExactly(DIGEST_B);
        given().when().get("/q/metrics").then()
                .body(containsString("imagestreams_min_image_age_total{outcome=\"superseded\",trigger=\"webhook\"}"));
    }

    @Test
    void aHeldImageLivesInMongoDbAndAFreshWorkerReleasesItOnce() throws InterruptedException {
        // given a held image
        String id = register("30m");
        Instant created = now();
        tagUpdated(1, DIGEST_A, null, created);
        Instant notBefore = created.plus(Duration.ofMinutes(30));

        // then the trigger document holds it, due when it is old enough, and no worker keeps a lease on it
        var triggers = mongo.getDatabase(database).getCollection("triggers");
        await().atMost(WAIT).until(() -> {
            Document stored = triggers.find(Filters.eq("_id", id)).first();
            return stored.getDate("dueAt") != null && stored.getDate("dueAt").toInstant().equals(notBefore)
                    && stored.get("leaseOwner") == null;
        });
        Document stored = triggers.find(Filters.eq("_id", id)).first();
        Document pending = stored.get("pending", Document.class);
        assertThat(pending.get("image", Document.class).getString("pullSpec")).isEqualTo(pullSpec("app", DIGEST_A));
        assertThat(pending.getString("reason")).isEqualTo("TagUpdated");
        assertThat(pending.getDate("ageFrom").toInstant()).isEqualTo(created);
        assertThat(pending.getDate("notBefore").toInstant()).isEqualTo(notBefore);
        assertThat(stored.getString("lastPullSpec")).isEqualTo(pullSpec("app", DIGEST_A));

        // when a worker that knows nothing but the store (as after a restart) looks after the image has aged,
        // while this replica's worker, whose clock is half an hour behind, keeps polling
        DeliveryWorker fresh = new DeliveryWorker(triggerRepository, deliveryRepository, sender, secrets, targetPolicy,
                backoff, Clock.offset(clock, Duration.ofMinutes(31)), config, registry, minImageAge);
        try {
            fresh.wake();

            // then it is delivered, once
            await().atMost(WAIT).until(() -> receiver.received().size() == 1);
            worker.wake();
            await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> receiver.received().size() == 1);
            await().atMost(WAIT).until(() -> triggers.find(Filters.eq("_id", id)).first().get("pending") == null);
            assertThat(deliveries(id).getList("items.status", String.class)).containsExactly("Delivered");
        } finally {
            fresh.stop();
        }
    }

    @Test
    void fireBypassesTheGateAndPauseKeepsAHeldImageUntilResumed() {
        // given a held image
        String id = register("30m");
        tagUpdated(1, DIGEST_A, null, now());
        awaitPending(id, DIGEST_A);

        // when fired
        given().when().post("/api/v1/triggers/" + id + "/fire").then().statusCode(202);

        // then it is delivered now
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        assertThat(JsonPath.from(receiver.received().get(0).body()).getString("data.reason")).isEqualTo("Fired");
        given().when().get("/api/v1/triggers/" + id).then().body("status.pending", nullValue());

        // when a new image is held and the trigger paused until it has aged
        tagUpdated(2, DIGEST_B, DIGEST_A, now());
        awaitPending(id, DIGEST_B);
        given().when().post("/api/v1/triggers/" + id + "/pause").then().statusCode(200);
        advance(Duration.ofMinutes(31));

        // then it stays held
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> receiver.received().size() == 1);
        given().when().get("/api/v1/triggers/" + id).then().body("status.pending.image.digest", equalTo(DIGEST_B));

        // when resumed
        given().when().post("/api/v1/triggers/" + id + "/resume").then().statusCode(200);

        // then it is delivered
        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        assertThat(JsonPath.from(receiver.received().get(1).body()).getString("data.image.digest")).isEqualTo(DIGEST_B);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> receiver.received().size() == 2);
    }

    @Test
    void aChangedMinimumAppliesToTheHeldImage() {
        // given an image ten minutes old, held by a 30 minute minimum
        String id = register("30m");
        tagUpdated(1, DIGEST_A, null, now().minus(Duration.ofMinutes(10)));
        awaitPending(id, DIGEST_A);

        // when the minimum is lowered below its age
        given().contentType("application/json").body(body(receiver.url("/hook"), "5m"))
                .when().put("/api/v1/triggers/" + id).then().statusCode(200)
                .body("minImageAge", equalTo("5m0s"));

        // then it is delivered at once
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        given().when().get("/api/v1/triggers/" + id).then().body("status.pending", nullValue());
    }

    private String register(String minImageAge) {
        return given().contentType("application/json").body(body(receiver.url("/hook"), minImageAge))
                .when().post("/api/v1/triggers").then().statusCode(201).extract().path("id");
    }

    private String body(String url, String minImageAge) {
        return """
                {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"app:latest"},
                 "webhook":{"url":"%s"},"minImageAge":"%s"}""".formatted(ns, url, minImageAge);
    }

    private void tagUpdated(long generation, String digest, String previous, Instant created) {
        AtomicReference<Settled> settled = Events.send(connector, EventTypes.TAG_UPDATED,
                Events.tagUpdated(ns, "app", "latest", generation, digest, previous, created));
        await().atMost(WAIT).until(() -> settled.get() == Settled.ACKED);
    }

    /** The service's now, in the whole seconds event times carry. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void advance(Duration duration) {
        clock.advance(duration.plusMillis(100));
        worker.wake();
    }

    private static void awaitPending(String id, String digest) {
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/triggers/" + id).then()
                .body("status.pending.image.digest", equalTo(digest)));
    }

    private static JsonPath deliveries(String triggerId) {
        return given().when().get("/api/v1/deliveries?triggerId=" + triggerId).then().statusCode(200).extract().jsonPath();
    }
}
