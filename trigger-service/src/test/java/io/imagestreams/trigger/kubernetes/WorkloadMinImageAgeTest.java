package io.imagestreams.trigger.kubernetes;

import static io.imagestreams.trigger.kubernetes.Workloads.annotation;
import static io.imagestreams.trigger.kubernetes.Workloads.container;
import static io.imagestreams.trigger.kubernetes.Workloads.trigger;
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
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository;
import io.imagestreams.trigger.testing.Events;
import io.imagestreams.trigger.testing.Events.Settled;
import io.imagestreams.trigger.testing.MutableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code imagestreams.io/min-image-age} on workloads, against fabric8's in-JVM Kubernetes API server: an image younger
 * than the minimum is held (in MongoDB) and applied once it has aged, a newer image replaces a held one, a paused
 * trigger keeps its held image, and a bad value is reported without stopping other workloads. Ages are moved
 * forward with the service clock.
 */
@QuarkusTest
@TestProfile(KubernetesEnabledProfile.class)
@WithKubernetesTestServer(crud = true)
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class WorkloadMinImageAgeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final String WEB_BY_NAME = "spec.template.spec.containers[?(@.name==\"web\")].image";
    private static final String OLD = "old/web:1";

    @Inject
    KubernetesClient kubernetes;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    MutableClock clock;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private String ns;

    @BeforeEach
    void namespace() {
        ns = "age-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aWorkloadIsPatchedOnlyOnceTheImageHasAged() {
        // given
        createWeb("web", false, "30m");
        awaitIndexed(1);
        Instant created = now();
        Instant notBefore = created.plus(Duration.ofMinutes(30));

        // when
        tagUpdated(1, DIGEST_A, created);

        // then the image is held, and the workload status says until when
        String image = pullSpec("app", DIGEST_A);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items[0].minImageAge", equalTo("30m0s"))
                .body("items[0].triggers[0].outcome", equalTo("WaitingForImageAge"))
                .body("items[0].triggers[0].message", containsString("held until " + Rfc3339.format(notBefore)))
                .body("items[0].triggers[0].pending.image", equalTo(image))
                .body("items[0].triggers[0].pending.ageFrom", equalTo(Rfc3339.format(created)))
                .body("items[0].triggers[0].pending.notBefore", equalTo(Rfc3339.format(notBefore))));
        assertThat(image("web")).isEqualTo(OLD);
        Document state = mongo.getDatabase(database).getCollection(WorkloadTriggerRepository.STATE_COLLECTION)
                .find(Filters.eq("workload", "Deployment/" + ns + "/web")).first();
        assertThat(state.getDate("dueAt").toInstant()).isEqualTo(notBefore);
        assertThat(state.get("pending", Document.class).getString("image")).isEqualTo(image);

        // when it is nearly old enough
        advance(Duration.ofMinutes(29));

        // then it is still held
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> image("web").equals(OLD));

        // when it is old enough
        advance(Duration.ofMinutes(1));

        // then it is applied
        await().atMost(WAIT).until(() -> image("web").equals(image));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items[0].triggers[0].outcome", equalTo("Applied"))
                .body("items[0].triggers[0].lastAppliedImage", equalTo(image))
                .body("items[0].triggers[0].pending", nullValue()));
        given().when().get("/q/metrics").then()
                .body(containsString("imagestreams_min_image_age_total{outcome=\"held\",trigger=\"workload\"}"))
                .body(containsString("imagestreams_min_image_age_total{outcome=\"released\",trigger=\"workload\"}"));
    }

    @Test
    void anImageOldEnoughIsAppliedAtOnce() {
        // given
        createWeb("web", false, "30m");
        awaitIndexed(1);

        // when
        tagUpdated(1, DIGEST_A, now().minus(Duration.ofHours(2)));

        // then
        await().atMost(WAIT).until(() -> image("web").equals(pullSpec("app", DIGEST_A)));
    }

    @Test
    void aNewerImageReplacesTheHeldOneAndItsOwnAgeCounts() {
        // given image A, 20 minutes old, held for 10 more
        createWeb("web", false, "30m");
        awaitIndexed(1);
        Instant start = now();
        tagUpdated(1, DIGEST_A, start.minus(Duration.ofMinutes(20)));
        awaitPending(pullSpec("app", DIGEST_A));

        // when the tag moves on to B, new
        tagUpdated(2, DIGEST_B, start);

        // then B is held for its own 30 minutes
        awaitPending(pullSpec("app", DIGEST_B));

        // when A would have been old enough
        advance(Duration.ofMinutes(11));

        // then nothing is applied
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> image("web").equals(OLD));

        // when B is old enough
        advance(Duration.ofMinutes(20));

        // then B is applied
        await().atMost(WAIT).until(() -> image("web").equals(pullSpec("app", DIGEST_B)));
    }

    @Test
    void aPausedTriggerKeepsItsHeldImageUntilResumed() {
        // given a held image
        createWeb("web", false, "30m");
        awaitIndexed(1);
        tagUpdated(1, DIGEST_A, now());
        awaitPending(pullSpec("app", DIGEST_A));

        // when the trigger is paused until the image has aged
        setAnnotations("web", Map.of(TriggerAnnotation.NAME, annotation(trigger(null, "app:latest", WEB_BY_NAME, true)),
                MinImageAgeAnnotation.NAME, "30m"));
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items[0].triggers[0].outcome", equalTo("Paused"))
                .body("items[0].triggers[0].pending.image", equalTo(pullSpec("app", DIGEST_A))));
        advance(Duration.ofMinutes(31));

        // then nothing is applied
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> image("web").equals(OLD));

        // when resumed
        setAnnotations("web", Map.of(TriggerAnnotation.NAME, annotation(trigger("app:latest", WEB_BY_NAME)),
                MinImageAgeAnnotation.NAME, "30m"));

        // then it is applied
        await().atMost(WAIT).until(() -> image("web").equals(pullSpec("app", DIGEST_A)));
    }

    @Test
    void aBadMinImageAgeIsReportedAndItsWorkloadWaitsUntilItIsFixed() {
        // given
        createWeb("bad", false, "soon");
        createWeb("good", false, null);
        awaitIndexed(2);

        // when an old image arrives
        tagUpdated(1, DIGEST_A, now().minus(Duration.ofHours(2)));

        // then the other workload gets it, the one with the bad value does not
        String image = pullSpec("app", DIGEST_A);
        await().atMost(WAIT).until(() -> image("good").equals(image));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).until(() -> image("bad").equals(OLD));

        // and the API, a Kubernetes event and the metrics say why
        JsonPath workloads = given().when().get("/api/v1/workloads?namespace=" + ns).then().statusCode(200).extract().jsonPath();
        assertThat(workloads.getString("items.find { it.name == 'bad' }.error"))
                .isEqualTo("the imagestreams.io/min-image-age annotation \"soon\" is not a duration such as 30m, 1h30m or 0s");
        assertThat(workloads.getString("items.find { it.name == 'bad' }.triggers[0].fieldPath")).isEqualTo(WEB_BY_NAME);
        assertThat(workloads.getString("items.find { it.name == 'good' }.error")).isNull();
        await().atMost(WAIT).untilAsserted(() -> {
            List<Event> events = kubernetes.v1().events().inNamespace(ns).list().getItems();
            assertThat(events).filteredOn(e -> e.getReason().equals("InvalidImageTriggers"))
                    .extracting(e -> e.getInvolvedObject().getName() + ": " + e.getMessage())
                    .containsExactly("bad: the imagestreams.io/min-image-age annotation \"soon\" is not a duration such as "
                            + "30m, 1h30m or 0s; the workload's triggers wait until it is fixed");
        });
        given().when().get("/q/metrics").then()
                .body(containsString("imagestreams_workload_invalid_annotations_total{reason=\"InvalidMinImageAge\"}"));

        // when the value is fixed
        setAnnotations("bad", Map.of(TriggerAnnotation.NAME, annotation(trigger("app:latest", WEB_BY_NAME)),
                MinImageAgeAnnotation.NAME, "1h"));

        // then the image, old enough, is applied
        await().atMost(WAIT).until(() -> image("bad").equals(image));
        given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items.find { it.name == 'bad' }.error", nullValue())
                .body("items.find { it.name == 'bad' }.minImageAge", equalTo("1h0m0s"));
    }

    private void createWeb(String name, boolean paused, String minImageAge) {
        Map<String, String> annotations = new java.util.HashMap<>();
        annotations.put(TriggerAnnotation.NAME, annotation(trigger(null, "app:latest", WEB_BY_NAME, paused)));
        if (minImageAge != null) {
            annotations.put(MinImageAgeAnnotation.NAME, minImageAge);
        }
        kubernetes.resource(Workloads.deployment(ns, name, annotations, container("web", OLD))).create();
    }

    private void setAnnotations(String name, Map<String, String> annotations) {
        kubernetes.apps().deployments().inNamespace(ns).withName(name).edit(d -> {
            d.getMetadata().setAnnotations(annotations);
            return d;
        });
    }

    private void awaitIndexed(int count) {
        await().atMost(WAIT).until(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then().extract()
                .jsonPath().getList("items").size() == count);
    }

    private void awaitPending(String image) {
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items[0].triggers[0].pending.image", equalTo(image)));
    }

    private String image(String name) {
        return kubernetes.apps().deployments().inNamespace(ns).withName(name).get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    /** The service's now, in the whole seconds event times carry. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private void advance(Duration duration) {
        clock.advance(duration.plusMillis(100));
    }

    private void tagUpdated(long generation, String digest, Instant created) {
        AtomicReference<Settled> settled = Events.send(connector, EventTypes.TAG_UPDATED,
                Events.tagUpdated(ns, "app", "latest", generation, digest, null, created));
        await().atMost(WAIT).until(() -> settled.get() == Settled.ACKED);
    }
}
