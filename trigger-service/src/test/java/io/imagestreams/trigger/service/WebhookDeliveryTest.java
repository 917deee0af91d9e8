package io.imagestreams.trigger.service;

import static io.imagestreams.trigger.testing.Events.DIGEST_A;
import static io.imagestreams.trigger.testing.Events.DIGEST_B;
import static io.imagestreams.trigger.testing.Events.DIGEST_C;
import static io.imagestreams.trigger.testing.Events.pullSpec;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.trigger.testing.Events;
import io.imagestreams.trigger.testing.Events.Settled;
import io.imagestreams.trigger.testing.FakeHostResolver;
import io.imagestreams.trigger.testing.MutableClock;
import io.imagestreams.trigger.testing.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries against a local receiver: signatures, retries and backoff (driven by moving the service
 * clock), Retry-After, dead letters, redelivery, ordering, superseding, dedup, pause/resume, the target policy at
 * delivery time, and a lease left by a crashed replica.
 */
@QuarkusTest
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class WebhookDeliveryTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MutableClock clock;

    @Inject
    DeliveryWorker worker;

    @Inject
    Backoff backoff;

    @Inject
    FakeHostResolver resolver;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private WebhookReceiver receiver;
    private String ns;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
        ns = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aTagMoveIsDeliveredAsASignedCloudEvent() throws Exception {
        // given
        String id = register(receiver.url("/hook"), false);

        // when
        tagUpdated(1, DIGEST_A, null);

        // then
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received request = receiver.received().get(0);
        String webhookId = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        assertThat(request.header("webhook-signature")).isEqualTo("v1," + hmac(webhookId + "." + timestamp + "." + request.body()));
        assertThat(request.header("content-type")).isEqualTo("application/cloudevents+json");
        JsonPath event = JsonPath.from(request.body());
        assertThat(event.getString("specversion")).isEqualTo("1.0");
        assertThat(event.getString("type")).isEqualTo(EventTypes.TAG_UPDATED);
        assertThat(event.getString("id")).isEqualTo(webhookId);
        assertThat(event.getString("subject")).isEqualTo(ns + "/app:latest");
        assertThat(event.getString("data.namespace")).isEqualTo(ns);
        assertThat(event.getString("data.stream")).isEqualTo("app");
        assertThat(event.getString("data.tag")).isEqualTo("latest");
        assertThat(event.getString("data.image.digest")).isEqualTo(DIGEST_A);
        assertThat(event.getString("data.image.pullSpec")).isEqualTo(pullSpec("app", DIGEST_A));
        assertThat(event.getString("data.triggerId")).isEqualTo(id);
        assertThat(event.getString("data.reason")).isEqualTo("TagUpdated");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/deliveries?triggerId=" + id).then()
                .body("items[0].status", equalTo("Delivered"))
                .body("items[0].statusCode", equalTo(200))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].eventId", equalTo(webhookId))
                .body("items[0].image.pullSpec", equalTo(pullSpec("app", DIGEST_A))));
    }

    @Test
    void aTriggerForATagThatAlreadyHasAnImageFiresAtOnce() {
        // given
        tagUpdated(4, DIGEST_B, DIGEST_A);

        // when
        register(receiver.url("/hook"), false);

        // then
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        JsonPath event = JsonPath.from(receiver.received().get(0).body());
        assertThat(event.getString("data.reason")).isEqualTo("TriggerCreated");
        assertThat(event.getString("data.image.pullSpec")).isEqualTo(pullSpec("app", DIGEST_B));
        assertThat(event.getString("data.previousImage.digest")).isEqualTo(DIGEST_A);
    }

    @Test
    void failuresAreRetriedWithBackoffUntilTheyAreDelivered() {
        // given
        receiver.answer(503);
        receiver.answer(500);
        String id = register(receiver.url("/hook"), false);

        // when
        tagUpdated(1, DIGEST_A, null);

        // then the first attempt fails and waits
        awaitDelivery(id, d -> d.getInt("items[0].attempts") == 1 && d.getString("items[0].status").equals("Pending"));
        JsonPath pending = deliveries(id);
        assertThat(pending.getInt("items[0].statusCode")).isEqualTo(503);
        Instant next = Instant.parse(pending.getString("items[0].nextAttemptAt"));
        assertThat(next).isAfter(clock.instant().plus(backoff.withJitter(backoff.exponential(1), 0.0)).minusSeconds(2));

        // when time passes twice
        advance(backoff.longest(1));
        awaitDelivery(id, d -> d.getInt("items[0].attempts") == 2);
        advance(backoff.longest(2));

        // then
        awaitDelivery(id, d -> d.getString("items[0].status").equals("Delivered"));
        assertThat(deliveries(id).getInt("items[0].attempts")).isEqualTo(3);
        assertThat(receiver.received()).hasSize(3);
        assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
    }

    @Test
    void aLongerRetryAfterIsHonoured() {
        // given
        receiver.answer(429, Map.of("Retry-After", "120"));
        String id = register(receiver.url("/hook"), false);
        tagUpdated(1, DIGEST_A, null);
        awaitDelivery(id, d -> d.getInt("items[0].attempts") == 1);

        // when the backoff alone would have allowed a retry
        advance(Duration.ofSeconds(60));

        // then nothing is sent yet
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);

        // when Retry-After has passed
        advance(Duration.ofSeconds(61));

        // then
        awaitDelivery(id, d -> d.getString("items[0].status").equals("Delivered"));
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void exhaustedAttemptsAreDeadLetteredAndCanBeRedelivered() {
        // given a receiver that fails 8 times
        for (int i = 0; i < 8; i++) {
            receiver.answer(500);
        }
        String id = register(receiver.url("/hook"), false);
        tagUpdated(1, DIGEST_A, null);

        // when every backoff passes
        for (int attempt = 1; attempt < 8; attempt++) {
            int done = attempt;
            awaitDelivery(id, d -> d.getInt("items[0].attempts") == done);
            advance(backoff.longest(attempt));
        }

        // then
        awaitDelivery(id, d -> d.getString("items[0].status").equals("Failed"));
        JsonPath failed = deliveries(id);
        assertThat(failed.getInt("items[0].attempts")).isEqualTo(8);
        assertThat(failed.getString("items[0].error")).isEqualTo("HTTP 500; gave up after 8 attempts");
        given().when().get("/api/v1/deliveries?status=Failed&triggerId=" + id).then().body("items.size()", equalTo(1));
        String deadLetter = failed.getString("items[0].id");

        // when redelivered (the receiver answers 200 now)
        String redelivery = given().when().post("/api/v1/deliveries/" + deadLetter + "/redeliver").then().statusCode(202)
                .body("redeliveryOf", equalTo(deadLetter))
                .body("status", equalTo("Pending"))
                .extract().path("id");

        // then
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/deliveries/" + redelivery).then()
                .body("status", equalTo("Delivered")).body("reason", equalTo("Redelivered")));
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(9);
        assertThat(received.get(8).header("webhook-id")).isEqualTo(received.get(0).header("webhook-id"));
        given().when().post("/api/v1/deliveries/" + UUID.randomUUID() + "/redeliver").then().statusCode(404);
    }

    @Test
    void aClientErrorIsDeadLetteredWithoutRetries() {
        // given
        receiver.answer(410);
        String id = register(receiver.url("/hook"), false);

        // when
        tagUpdated(1, DIGEST_A, null);

        // then
        awaitDelivery(id, d -> d.getString("items[0].status").equals("Failed"));
        assertThat(deliveries(id).getString("items[0].error")).isEqualTo("HTTP 410 (not retried)");
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anUnreachableReceiverIsRetried() throws IOException {
        // given a port nobody listens on
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        String id = register("http://127.0.0.1:" + closedPort + "/hook", false);

        // when
        tagUpdated(1, DIGEST_A, null);

        // then
        awaitDelivery(id, d -> d.getInt("items[0].attempts") == 1 && d.getString("items[0].status").equals("Pending"));
        assertThat(deliveries(id).getString("items[0].error")).startsWith("connection failed");
    }

    @Test
    void deliveriesKeepOrderAndANewerImageSupersedesOnesNotSentYet() {
        // given the first delivery is in flight
        receiver.holdRequests();
        String id = register(receiver.url("/hook"), false);
        tagUpdated(1, DIGEST_A, null);
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);

        // when two more images arrive meanwhile
        tagUpdated(2, DIGEST_B, DIGEST_A);
        tagUpdated(3, DIGEST_C, DIGEST_B);
        receiver.release();

        // then the receiver sees the first and the newest, in order
        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);
        assertThat(receiver.received().stream().map(r -> JsonPath.from(r.body()).getString("data.image.digest")))
                .containsExactly(DIGEST_A, DIGEST_C);
    }

    @Test
    void aNewerImageSupersedesADeliveryWaitingForItsRetry() {
        // given a delivery waiting for its retry
        receiver.answer(503);
        String id = register(receiver.url("/hook"), false);
        tagUpdated(1, DIGEST_A, null);
        awaitDelivery(id, d -> d.getInt("items[0].attempts") == 1);

        // when
        tagUpdated(2, DIGEST_B, DIGEST_A);

        // then
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/deliveries?triggerId=" + id).then()
                .body("items.find { it.image.digest == '" + DIGEST_A + "' }.status", equalTo("Superseded"))
                .body("items.find { it.image.digest == '" + DIGEST_B + "' }.status", equalTo("Delivered")));
        advance(backoff.longest(1));
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 2);
    }

    @Test
    void theSamePullSpecIsNotDeliveredTwiceInARowUnlessFired() {
        // given
        String id = register(receiver.url("/hook"), false);
        tagUpdated(1, DIGEST_A, null);
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);

        // when the tag is set again to the same image at a new generation
        tagUpdated(2, DIGEST_A, DIGEST_A);

        // then nothing is sent
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);

        // when fired
        String fired = given().when().post("/api/v1/triggers/" + id + "/fire").then().statusCode(202).extract().path("deliveryId");

        // then
        await().atMost(WAIT).until(() -> receiver.received().size() == 2);
        assertThat(JsonPath.from(receiver.received().get(1).body()).getString("data.reason")).isEqualTo("Fired");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/deliveries/" + fired).then()
                .body("status", equalTo("Delivered")).body("reason", equalTo("Fired")));
    }

    @Test
    void aPausedTriggerSendsNothingAndResumeDeliversAnImageItHasNotSent() {
        // given
        String id = register(receiver.url("/hook"), true);

        // when
        tagUpdated(1, DIGEST_A, null);

        // then
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().isEmpty());

        // when resumed (twice)
        given().when().post("/api/v1/triggers/" + id + "/resume").then().statusCode(200);
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        given().when().post("/api/v1/triggers/" + id + "/resume").then().statusCode(200);

        // then the image is delivered once
        assertThat(JsonPath.from(receiver.received().get(0).body()).getString("data.reason")).isEqualTo("Resumed");
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);
    }

    @Test
    void aHostThatNowResolvesToAMetadataAddressIsRefusedAtDeliveryWithoutARequest() {
        // given a host name that resolved to the receiver when registered
        String host = "hooks-" + ns + ".rebind.test";
        resolver.answer(host, "127.0.0.1");
        String id = register("http://" + host + ":" + receiver.port() + "/hook", false);

        // when its DNS answer changes to a metadata address
        resolver.answer(host, "169.254.169.254");
        tagUpdated(1, DIGEST_A, null);

        // then the delivery is dead-lettered before any request
        awaitDelivery(id, d -> d.getString("items[0].status").equals("Failed"));
        assertThat(deliveries(id).getString("items[0].error"))
                .startsWith("refused by the webhook target policy: host " + host + " resolves to 169.254.169.254");
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void deletingATriggerCancelsItsUndeliveredDeliveries() {
        // given
        receiver.answer(503);
        String id = register(receiver.url("/hook"), false);
        tagUpdated(1, DIGEST_A, null);
        awaitDelivery(id, d -> d.getInt("items[0].attempts") == 1);

        // when
        given().when().delete("/api/v1/triggers/" + id).then().statusCode(204);
        advance(backoff.longest(1));

        // then
        awaitDelivery(id, d -> d.getString("items[0].status").equals("Cancelled"));
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().size() == 1);
    }

    @Test
    void aLeaseLeftByACrashedReplicaIsTakenOverWhenItExpires() {
        // given a trigger another replica had leased when it died
        String id = register(receiver.url("/hook"), false);
        mongo.getDatabase(database).getCollection("triggers").updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("leaseOwner", "crashed-replica"),
                Updates.set("leaseUntil", Date.from(clock.instant().plus(Duration.ofMinutes(5))))));

        // when an image arrives
        tagUpdated(1, DIGEST_A, null);

        // then nobody sends while the lease holds
        await().during(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received().isEmpty());

        // when the lease expires
        advance(Duration.ofMinutes(6));

        // then this replica delivers it, once
        await().atMost(WAIT).until(() -> receiver.received().size() == 1);
        awaitDelivery(id, d -> d.getString("items[0].status").equals("Delivered"));
    }

    private String register(String url, boolean paused) {
        return given().contentType("application/json").body("""
                {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"app:latest"},
                 "webhook":{"url":"%s","secret":"%s"},"paused":%s}""".formatted(ns, url, SECRET, paused))
                .when().post("/api/v1/triggers").then().statusCode(201).extract().path("id");
    }

    private void tagUpdated(long generation, String digest, String previous) {
        AtomicReference<Settled> settled = Events.send(connector, EventTypes.TAG_UPDATED,
                Events.tagUpdated(ns, "app", "latest", generation, digest, previous));
        await().atMost(WAIT).until(() -> settled.get() == Settled.ACKED);
    }

    private void advance(Duration duration) {
        clock.advance(duration.plusMillis(100));
        worker.wake();
    }

    private static JsonPath deliveries(String triggerId) {
        return given().when().get("/api/v1/deliveries?triggerId=" + triggerId).then().statusCode(200).extract().jsonPath();
    }

    private static void awaitDelivery(String triggerId, java.util.function.Predicate<JsonPath> condition) {
        await().atMost(WAIT).until(() -> {
            JsonPath d = deliveries(triggerId);
            return d.getList("items").size() > 0 && condition.test(d);
        });
    }

    private static String hmac(String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
