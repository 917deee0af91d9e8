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

import com.mongodb.client.MongoClient;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.MongoResource;
import io.imagestreams.trigger.repository.WorkloadTriggerRepository;
import io.imagestreams.trigger.testing.Events;
import io.imagestreams.trigger.testing.Events.Settled;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workload triggers against fabric8's in-JVM Kubernetes API server in CRUD mode: every kind and field path
 * form, paused triggers, invalid annotations, cross-namespace {@code from}, no-op when unchanged, manual rollbacks
 * left alone, and the index rebuilt from the cluster.
 */
@QuarkusTest
@TestProfile(KubernetesEnabledProfile.class)
@WithKubernetesTestServer(crud = true)
@WithTestResource(value = MongoResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class WorkloadTriggersTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String WEB_BY_NAME = "spec.template.spec.containers[?(@.name==\"web\")].image";

    @Inject
    KubernetesClient kubernetes;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    WorkloadTriggerController controller;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private String ns;

    @BeforeEach
    void namespace() {
        ns = "wl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void everyKindAndFieldPathFormFollowsTheTag() {
        // given
        kubernetes.resource(Workloads.deployment(ns, "web", annotation(trigger("app:latest", WEB_BY_NAME)),
                container("web", "old/web:1"), container("sidecar", "envoy:1"))).create();
        kubernetes.resource(Workloads.statefulSet(ns, "db", annotation(trigger("app:latest", "spec.template.spec.containers[0].image")),
                container("main", "old/db:1"))).create();
        kubernetes.resource(Workloads.daemonSet(ns, "agent", annotation(trigger("app:latest",
                "spec.template.spec.initContainers[?(@.name==\"setup\")].image")), List.of(container("setup", "old/setup:1")),
                container("agent", "agent:1"))).create();
        kubernetes.resource(Workloads.cronJob(ns, "report", annotation(trigger("app:latest",
                "spec.jobTemplate.spec.template.spec.containers[0].image")), container("report", "old/report:1"))).create();
        awaitIndexed(4);

        // when
        tagUpdated(ns, 1, DIGEST_A);

        // then
        String image = pullSpec("app", DIGEST_A);
        await().atMost(WAIT).untilAsserted(() -> {
            Deployment web = kubernetes.apps().deployments().inNamespace(ns).withName("web").get();
            assertThat(web.getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getImage())
                    .containsExactly(image, "envoy:1");
            assertThat(kubernetes.apps().statefulSets().inNamespace(ns).withName("db").get()
                    .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(image);
            var agent = kubernetes.apps().daemonSets().inNamespace(ns).withName("agent").get().getSpec().getTemplate().getSpec();
            assertThat(agent.getInitContainers().get(0).getImage()).isEqualTo(image);
            assertThat(agent.getContainers().get(0).getImage()).isEqualTo("agent:1");
            assertThat(kubernetes.batch().v1().cronjobs().inNamespace(ns).withName("report").get()
                    .getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(image);
        });
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items.find { it.name == 'web' }.triggers[0].lastAppliedImage", equalTo(image))
                .body("items.find { it.name == 'web' }.triggers[0].outcome", equalTo("Applied"))
                .body("items.find { it.name == 'web' }.triggers[0].container", equalTo("web")));
    }

    @Test
    void aWorkloadAddedForATagThatHasAnImageIsPatchedAtOnce() {
        // given
        tagUpdated(ns, 1, DIGEST_A);

        // when
        kubernetes.resource(Workloads.deployment(ns, "web", annotation(trigger("app:latest", WEB_BY_NAME)),
                container("web", "old/web:1"))).create();

        // then
        await().atMost(WAIT).until(() -> image(ns, "web").equals(pullSpec("app", DIGEST_A)));
    }

    @Test
    void pausedTriggersAreSkipped() {
        // given
        kubernetes.resource(Workloads.deployment(ns, "web", annotation(trigger(null, "app:latest", WEB_BY_NAME, true)),
                container("web", "old/web:1"))).create();
        awaitIndexed(1);

        // when
        tagUpdated(ns, 1, DIGEST_A);

        // then
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items[0].triggers[0].paused", equalTo(true))
                .body("items[0].triggers[0].outcome", equalTo("Paused")));
        assertThat(image(ns, "web")).isEqualTo("old/web:1");
    }

    @Test
    void aTriggerFollowsATagInAnotherNamespace() {
        // given
        String streams = ns + "-streams";
        kubernetes.resource(Workloads.deployment(ns, "web", annotation(trigger(streams, "app:latest", WEB_BY_NAME, false)),
                container("web", "old/web:1"))).create();
        awaitIndexed(1);

        // when the same tag name moves in the workload's own namespace
        tagUpdated(ns, 1, DIGEST_B);

        // then nothing changes
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3)).until(() -> image(ns, "web").equals("old/web:1"));

        // when it moves in the namespace the trigger names
        tagUpdated(streams, 1, DIGEST_A);

        // then
        await().atMost(WAIT).until(() -> image(ns, "web").equals(pullSpec("app", DIGEST_A)));
    }

    @Test
    void invalidAnnotationsAreReportedAndDoNotBlockOthers() {
        // given
        kubernetes.resource(Workloads.deployment(ns, "bad-json", "[{not json", container("web", "old:1"))).create();
        kubernetes.resource(Workloads.deployment(ns, "duplicate", annotation(trigger("app:latest", WEB_BY_NAME),
                trigger("other:latest", WEB_BY_NAME)), container("web", "old:1"))).create();
        kubernetes.resource(Workloads.deployment(ns, "no-container", annotation(
                trigger("app:latest", "spec.template.spec.containers[?(@.name==\"api\")].image"),
                trigger("app:latest", "spec.template.spec.containers[1].image")),
                container("web", "old:1"), container("api2", "old:2"))).create();
        kubernetes.resource(Workloads.deployment(ns, "bad-path", annotation(trigger("app:latest", "spec.template.spec.containers[0].name")),
                container("web", "old:1"))).create();
        kubernetes.resource(Workloads.deployment(ns, "good", annotation(trigger("app:latest", WEB_BY_NAME)),
                container("web", "old:1"))).create();
        awaitIndexed(5);

        // when
        tagUpdated(ns, 1, DIGEST_A);

        // then the valid workload and the valid trigger of a partly invalid one are patched; the rest are not
        String image = pullSpec("app", DIGEST_A);
        await().atMost(WAIT).until(() -> image(ns, "good").equals(image));
        await().atMost(WAIT).until(() -> kubernetes.apps().deployments().inNamespace(ns).withName("no-container").get()
                .getSpec().getTemplate().getSpec().getContainers().get(1).getImage().equals(image));
        assertThat(image(ns, "bad-json")).isEqualTo("old:1");
        assertThat(image(ns, "duplicate")).isEqualTo("old:1");
        assertThat(image(ns, "bad-path")).isEqualTo("old:1");

        // and the API, Kubernetes events and metrics say why
        JsonPath workloads = given().when().get("/api/v1/workloads?namespace=" + ns).then().statusCode(200).extract().jsonPath();
        assertThat(workloads.getString("items.find { it.name == 'bad-json' }.error")).contains("not a JSON array");
        assertThat(workloads.getString("items.find { it.name == 'duplicate' }.error")).startsWith("duplicate triggers are not allowed");
        assertThat(workloads.getString("items.find { it.name == 'no-container' }.triggers[0].error")).isEqualTo("no such container: api");
        assertThat(workloads.getString("items.find { it.name == 'no-container' }.triggers[1].error")).isNull();
        assertThat(workloads.getString("items.find { it.name == 'bad-path' }.triggers[0].error"))
                .isEqualTo("field path is not valid: spec.template.spec.containers[0].name");
        await().atMost(WAIT).untilAsserted(() -> {
            List<Event> events = kubernetes.v1().events().inNamespace(ns).list().getItems();
            assertThat(events).filteredOn(e -> e.getReason().equals("InvalidImageTriggers"))
                    .extracting(e -> e.getInvolvedObject().getName())
                    .contains("bad-json", "duplicate", "no-container", "bad-path")
                    .doesNotContain("good");
        });
        given().when().get("/q/metrics").then()
                .body(containsString("imagestreams_workload_invalid_annotations_total{reason=\"DuplicateFieldPath\"}"))
                .body(containsString("imagestreams_workload_invalid_annotations_total{reason=\"InvalidJSON\"}"))
                .body(containsString("imagestreams_workload_patches_total{outcome=\"patched\"}"));
    }

    @Test
    void aContainerAlreadyRunningTheImageIsNotPatched() {
        // given
        String image = pullSpec("app", DIGEST_A);
        kubernetes.resource(Workloads.deployment(ns, "web", annotation(trigger("app:latest", WEB_BY_NAME)),
                container("web", image))).create();
        awaitIndexed(1);
        String resourceVersion = kubernetes.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getResourceVersion();

        // when
        tagUpdated(ns, 1, DIGEST_A);

        // then
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items[0].triggers[0].outcome", equalTo("UpToDate")));
        assertThat(kubernetes.apps().deployments().inNamespace(ns).withName("web").get().getMetadata().getResourceVersion())
                .isEqualTo(resourceVersion);
    }

    @Test
    void aManualRollbackIsLeftAloneUntilTheTagMovesAgain() {
        // given a workload the trigger has moved to image A
        kubernetes.resource(Workloads.deployment(ns, "web", annotation(trigger("app:latest", WEB_BY_NAME)),
                container("web", "old/web:1"))).create();
        awaitIndexed(1);
        tagUpdated(ns, 1, DIGEST_A);
        await().atMost(WAIT).until(() -> image(ns, "web").equals(pullSpec("app", DIGEST_A)));

        // when someone rolls it back by hand, and the tag's event is seen again
        kubernetes.apps().deployments().inNamespace(ns).withName("web").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"old/web:1\"}]");
        tagUpdated(ns, 1, DIGEST_A);

        // then the rollback stays
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then()
                .body("items[0].triggers[0].outcome", equalTo("ChangedByHand")));
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(3)).until(() -> image(ns, "web").equals("old/web:1"));

        // when the tag moves to a new image
        tagUpdated(ns, 2, DIGEST_B);

        // then it is applied
        await().atMost(WAIT).until(() -> image(ns, "web").equals(pullSpec("app", DIGEST_B)));
    }

    @Test
    void theIndexIsRebuiltFromTheCluster() throws Exception {
        // given an indexed workload, then a lost index holding only a stale entry
        kubernetes.resource(Workloads.deployment(ns, "web", annotation(trigger("app:latest", WEB_BY_NAME)),
                container("web", "old/web:1"))).create();
        awaitIndexed(1);
        var collection = mongo.getDatabase(database).getCollection(WorkloadTriggerRepository.COLLECTION);
        collection.drop();
        collection.insertOne(new Document("_id", "Deployment/" + ns + "/gone").append("kind", "Deployment")
                .append("namespace", ns).append("name", "gone").append("triggers", List.of()).append("istags", List.of()));

        // when
        controller.rebuild().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        // then
        given().when().get("/api/v1/workloads?namespace=" + ns).then().statusCode(200)
                .body("items.name", org.hamcrest.Matchers.contains("web"));
        tagUpdated(ns, 1, DIGEST_A);
        await().atMost(WAIT).until(() -> image(ns, "web").equals(pullSpec("app", DIGEST_A)));
    }

    @Test
    void statusSaysWorkloadTriggersAreOn() {
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/v1/status").then().statusCode(200)
                .body("workloadTriggers.enabled", equalTo(true))
                .body("workloadTriggers.state", equalTo("watching")));
    }

    private void awaitIndexed(int count) {
        await().atMost(WAIT).until(() -> given().when().get("/api/v1/workloads?namespace=" + ns).then().extract()
                .jsonPath().getList("items").size() == count);
    }

    private String image(String namespace, String name) {
        return kubernetes.apps().deployments().inNamespace(namespace).withName(name).get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private void tagUpdated(String namespace, long generation, String digest) {
        AtomicReference<Settled> settled = Events.send(connector, EventTypes.TAG_UPDATED,
                Events.tagUpdated(namespace, "app", "latest", generation, digest, null));
        await().atMost(WAIT).until(() -> settled.get() == Settled.ACKED);
    }
}
