package io.imagestreams.prune.service;

import static io.imagestreams.prune.testing.StreamEventsFeed.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.imagestreams.prune.testing.Runs;
import io.imagestreams.prune.testing.StreamEventsFeed;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With Kubernetes access on, images workloads use are kept; a failing read fails the run; bad references are reported. */
@QuarkusTest
@TestProfile(KubernetesInUseTest.KubernetesEnabled.class)
@WithKubernetesTestServer(crud = true)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "prune"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class KubernetesInUseTest {

    public static class KubernetesEnabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a failed read is not retried, so one failing answer fails the run
            return Map.of("imagestreams.kubernetes.enabled", "true", "quarkus.kubernetes-client.request-retry-backoff-limit", "0");
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    KubernetesClient client;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Pool pool;

    private StreamEventsFeed feed;
    private String ns;
    private long base;

    @BeforeEach
    void setUp() {
        feed = new StreamEventsFeed(connector);
        ns = "kube-" + UUID.randomUUID().toString().substring(0, 8);
        base = (long) (Math.random() * 1_000_000) * 1000;
        client.pods().inAnyNamespace().delete();
        client.apps().deployments().inAnyNamespace().delete();
    }

    @Test
    void imagesRunningPodsAndDeploymentsUseAreKept() {
        // given five old entries; a running pod uses the oldest by digest, a deployment the second oldest by pull spec
        List<String> digests = history(5);
        client.pods().inNamespace("workloads").resource(pod("web", "Running", "quay.io/acme/app@" + digests.get(0))).create();
        client.pods().inNamespace("workloads").resource(pod("done", "Succeeded", "quay.io/acme/app@" + digests.get(2))).create();
        client.apps().deployments().inNamespace("workloads").resource(new DeploymentBuilder().withNewMetadata().withName("api").endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("api").withImage("quay.io/acme/app@" + digests.get(1))
                .endContainer().endSpec().endTemplate().endSpec().build()).create();

        // when
        JsonPath run = Runs.awaitState(Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s"}""".formatted(ns)), "Succeeded");

        // then
        assertThat(run.getString("inUseCheck")).isEqualTo("Checked");
        assertThat(Runs.item(run, ns, "v1", 4)).containsEntry("action", "Keep").containsEntry("reasons", List.of("ReferencedByWorkload"));
        assertThat(Runs.item(run, ns, "v1", 3)).containsEntry("action", "Keep").containsEntry("reasons", List.of("ReferencedByWorkload"));
        assertThat(Runs.item(run, ns, "v1", 2)).as("a finished old pod protects nothing").containsEntry("action", "Remove");
    }

    @Test
    void aBadWorkloadReferenceKeepsItsNamespacesCandidatesUnlessIgnored() {
        // given a pod in the stream's namespace whose image does not parse
        history(3);
        client.pods().inNamespace(ns).resource(pod("odd", "Running", "Not//A Valid:Image")).create();

        // when
        JsonPath strict = Runs.awaitState(Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s"}""".formatted(ns)), "Succeeded");
        JsonPath lenient = Runs.awaitState(Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","ignoreInvalidReferences":true}""".formatted(ns)),
                "Succeeded");

        // then both runs report it, only the strict one keeps because of it
        assertThat(Runs.item(strict, ns, "v1", 2)).containsEntry("action", "Keep").containsEntry("reasons", List.of("InvalidReference"));
        assertThat(strict.getList("invalidReferences.image")).contains("Not//A Valid:Image");
        assertThat(Runs.item(lenient, ns, "v1", 2)).containsEntry("action", "Remove");
        assertThat(lenient.getList("invalidReferences.image")).contains("Not//A Valid:Image");
    }

    @Test
    void aFailingWorkloadReadFailsTheRun() {
        // given
        history(3);
        server.expect().get().withPath("/api/v1/pods").andReturn(500, "etcd is unhappy").once();

        // when
        JsonPath run = Runs.awaitState(Runs.start("""
                {"namespace":"%s","keepTagRevisions":1,"keepYoungerThan":"0s","confirm":true}""".formatted(ns)), "Failed");

        // then
        assertThat(run.getString("error")).startsWith("in-use check failed");
        assertThat(run.getMap("")).doesNotContainKey("plan");
    }

    private List<String> history(int count) {
        List<String> digests = LongStream.range(0, count).mapToObj(i -> digest(base + i)).toList();
        feed.tagHistory(ns, "app", "v1", digests, Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.preparedQuery("select count(*) from history_entry where namespace = $1")
                .execute(Tuple.of(ns)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0) == count);
        return digests;
    }

    private static Pod pod(String name, String phase, String image) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage(image).endContainer().endSpec()
                .withNewStatus().withPhase(phase).endStatus().build();
    }
}
