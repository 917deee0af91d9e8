package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.imagestreams.launcher.Component;
import io.imagestreams.launcher.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Triggers end to end on the packaged suite and the real broker: an ImageStreamMapping in stream-service reaches
 * trigger-service through {@code image-stream-events}, which patches a Deployment on a standalone Kubernetes API
 * server (fabric8's mock server in CRUD mode, in this JVM) and calls a webhook on 127.0.0.1 with a signed
 * CloudEvent. trigger-service is then restarted (the whole suite: the launcher stops components only together;
 * the data folder stays) and the next image is applied and delivered once, with nothing from before repeated.
 */
@TestMethodOrder(OrderAnnotation.class)
class WorkloadTriggersIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    /** How long counts must stay unchanged to call something "not repeated". */
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final String NS = "shop";
    private static final String STREAM = "app";
    private static final String TAG = "latest";
    private static final String WORKLOAD = "web";
    private static final String DEPLOYMENT_PATH = "/apis/apps/v1/namespaces/" + NS + "/deployments/" + WORKLOAD;
    private static final String REPOSITORY = "registry.example.com/acme/app";
    private static final String BOOTSTRAP_IMAGE = REPOSITORY + ":bootstrap";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its level. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private static KubernetesMockServer cluster;
    private static KubernetesClient kubernetes;
    private static final List<RecordedRequest> clusterRequests = new ArrayList<>();
    private static WebhookReceiver receiver;
    private static PackagedSuite suite;
    private static ImageStreamApi api;

    private static String triggerId;
    private static byte[] signingKey;
    private static String firstDigest;

    @BeforeAll
    static void startClusterAndSuite() throws UnknownHostException {
        MOCK_SERVER_LOG.setLevel(Level.WARNING); // it logs every request
        cluster = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), false);
        cluster.init(InetAddress.getByName("127.0.0.1"), FreePorts.next());
        kubernetes = cluster.createClient();
        // in the cluster before trigger-service starts: found by the index rebuild at start, not by a watch event
        kubernetes.apps().deployments().inNamespace(NS).resource(deployment()).create();
        receiver = new WebhookReceiver();

        suite = PackagedSuite.prepare("workload-triggers-it")
                .withEnvironment("IMAGESTREAMS_KUBERNETES_ENABLED", "true")
                // fabric8's own variables: Quarkus fixes quarkus.kubernetes-client.* at build time (it warns when
                // they change at run time), while fabric8 reads these when the client is made
                .withEnvironment("KUBERNETES_MASTER", "http://127.0.0.1:" + cluster.getPort())
                // neither a developer's ~/.kube/config nor a pod's service account may add to or override it
                .withEnvironment("KUBERNETES_AUTH_TRYKUBECONFIG", "false")
                .withEnvironment("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        suite.up();
        api = new ImageStreamApi(suite.serviceUri(Component.STREAM_SERVICE, "/"));
    }

    @AfterAll
    static void stop() {
        try {
            if (suite != null) {
                suite.close();
            }
        } finally {
            if (receiver != null) {
                receiver.close();
            }
            if (kubernetes != null) {
                kubernetes.close();
            }
            if (cluster != null) {
                cluster.destroy();
            }
        }
    }

    @Test
    @Order(1)
    void aMappingPatchesTheDeploymentAndCallsTheWebhookOnce() {
        // given: trigger-service watches the cluster and has indexed the annotated Deployment
        awaitWatching();
        JsonNode workloads = triggerService("GET", "/api/v1/workloads?namespace=" + NS, null, 200);
        assertThat(workloads.path("items")).as(workloads.toString()).singleElement().satisfies(workload -> {
            assertThat(workload.path("kind").asText()).isEqualTo("Deployment");
            assertThat(workload.path("name").asText()).isEqualTo(WORKLOAD);
            assertThat(workload.at("/triggers/0/container").asText()).isEqualTo(WORKLOAD);
            assertThat(workload.at("/triggers/0/error").isMissingNode()).as(workload.toString()).isTrue();
        });
        // and a stream, and a webhook registered for its tag before it has an image (so nothing is delivered yet)
        api.createStream(NS, """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"%s"}}""".formatted(STREAM));
        JsonNode created = triggerService("POST", "/api/v1/triggers", """
                {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"%s:%s"},"webhook":{"url":"%s"}}"""
                .formatted(NS, STREAM, TAG, receiver.url("/hooks/app")), 201);
        triggerId = created.path("id").asText();
        signingKey = signingKey(created.at("/webhook/secret").asText());

        // when
        firstDigest = digest();
        api.map(NS, STREAM, TAG, firstDigest, pullSpec(firstDigest));

        // then: the Deployment runs the image, patched once with a JSON patch
        await("the Deployment runs the mapped image").atMost(DELIVERY)
                .untilAsserted(() -> assertThat(containerImage()).isEqualTo(pullSpec(firstDigest)));
        assertThat(deploymentPatches()).singleElement().satisfies(patch ->
                assertThat(patch.getHeader("Content-Type")).startsWith("application/json-patch+json"));
        // and the webhook received one signed CloudEvent with the image
        await("the webhook delivery").atMost(DELIVERY).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
        WebhookReceiver.Received delivery = receiver.received().get(0);
        assertSigned(delivery);
        JsonNode event = json(delivery.body());
        assertThat(event.path("type").asText()).isEqualTo("io.imagestreams.tag.updated.v1");
        assertThat(event.path("subject").asText()).isEqualTo(NS + "/" + STREAM + ":" + TAG);
        assertThat(event.at("/data/image/digest").asText()).isEqualTo(firstDigest);
        assertThat(event.at("/data/image/pullSpec").asText()).isEqualTo(pullSpec(firstDigest));
        assertThat(event.at("/data/reason").asText()).isEqualTo("TagUpdated");
        assertThat(event.at("/data/triggerId").asText()).isEqualTo(triggerId);
        assertThat(delivery.header("webhook-id")).isEqualTo(event.path("id").asText());
        // and nothing more follows
        awaitQuiet(1, 1);
        assertThat(triggerState().path("lastAppliedImage").asText()).isEqualTo(pullSpec(firstDigest));
        assertThat(triggerState().path("outcome").asText()).isEqualTo("Applied");
    }

    @Test
    @Order(2)
    void afterARestartTheNextImageIsAppliedOnceAndNothingIsRepeated() {
        // given: the suite, trigger-service with it, restarted on the same data
        PackagedSuite.CommandResult down = suite.suite("down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        suite.up();
        awaitWatching();
        assertThat(triggerState().path("lastAppliedImage").asText()).isEqualTo(pullSpec(firstDigest));

        // when
        String secondDigest = digest();
        api.map(NS, STREAM, TAG, secondDigest, pullSpec(secondDigest));

        // then: one more patch and one more delivery, for the new image only
        await("the Deployment runs the second image").atMost(DELIVERY)
                .untilAsserted(() -> assertThat(containerImage()).isEqualTo(pullSpec(secondDigest)));
        await("the second webhook delivery").atMost(DELIVERY)
                .untilAsserted(() -> assertThat(receiver.received()).hasSizeGreaterThanOrEqualTo(2));
        awaitQuiet(2, 2);
        List<WebhookReceiver.Received> received = receiver.received();
        WebhookReceiver.Received second = received.get(1);
        assertSigned(second);
        JsonNode event = json(second.body());
        assertThat(event.at("/data/image/digest").asText()).isEqualTo(secondDigest);
        assertThat(event.at("/data/previousImage/digest").asText()).isEqualTo(firstDigest);

        // and the delivery log says the same: two deliveries, one per image, each sent once
        JsonNode deliveries = triggerService("GET", "/api/v1/deliveries?triggerId=" + triggerId, null, 200);
        List<JsonNode> items = StreamSupport.stream(deliveries.path("items").spliterator(), false).toList();
        assertThat(items).as(deliveries.toString()).hasSize(2);
        assertThat(items).extracting(item -> item.at("/image/digest").asText()).containsExactly(secondDigest, firstDigest);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.path("status").asText()).isEqualTo("Delivered");
            assertThat(item.path("attempts").asInt()).isEqualTo(1);
            assertThat(item.path("statusCode").asInt()).isEqualTo(204);
        });
        assertThat(items).extracting(item -> item.path("eventId").asText())
                .containsExactly(second.header("webhook-id"), received.get(0).header("webhook-id"));
        assertThat(triggerState().path("lastAppliedImage").asText()).isEqualTo(pullSpec(secondDigest));
    }

    /** The counts of webhook requests and Deployment patches are {@code deliveries} and {@code patches}, and stay so. */
    private static void awaitQuiet(int deliveries, int patches) {
        await("exactly " + deliveries + " deliveries and " + patches + " patches, for " + QUIET.toSeconds() + " s")
                .during(QUIET).atMost(QUIET.plus(DELIVERY))
                .until(() -> receiver.received().size() == deliveries && deploymentPatches().size() == patches);
        assertThat(receiver.received()).hasSize(deliveries);
        assertThat(deploymentPatches()).hasSize(patches);
    }

    private static void awaitWatching() {
        await("trigger-service watching the cluster").atMost(DELIVERY).untilAsserted(() -> {
            JsonNode status = triggerService("GET", "/api/v1/status", null, 200);
            assertThat(status.at("/workloadTriggers/enabled").asBoolean()).as(status.toString()).isTrue();
            assertThat(status.at("/workloadTriggers/state").asText()).as(status.toString()).isEqualTo("watching");
        });
    }

    /** The one trigger of the Deployment as trigger-service reports it. */
    private static JsonNode triggerState() {
        return triggerService("GET", "/api/v1/workloads?namespace=" + NS, null, 200).at("/items/0/triggers/0");
    }

    private static String containerImage() {
        Deployment deployment = kubernetes.apps().deployments().inNamespace(NS).withName(WORKLOAD).get();
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    /** Every PATCH of the Deployment the API server received so far, in order. */
    private static List<RecordedRequest> deploymentPatches() {
        synchronized (clusterRequests) {
            try {
                for (RecordedRequest request = cluster.takeRequest(10, TimeUnit.MILLISECONDS); request != null;
                        request = cluster.takeRequest(10, TimeUnit.MILLISECONDS)) {
                    clusterRequests.add(request);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return clusterRequests.stream()
                    .filter(request -> request.getMethod().equals("PATCH") && request.getPath().startsWith(DEPLOYMENT_PATH))
                    .toList();
        }
    }

    /** Standard Webhooks: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the decoded secret. */
    private static void assertSigned(WebhookReceiver.Received received) {
        String id = received.header("webhook-id");
        String timestamp = received.header("webhook-timestamp");
        assertThat(id).isNotBlank();
        assertThat(Long.parseLong(timestamp)).isCloseTo(received.at().getEpochSecond(), within(60L));
        assertThat(received.header("Content-Type")).startsWith("application/cloudevents+json");
        String expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        assertThat(received.header("webhook-signature").split(" ")).as("signatures").contains(expected);
    }

    private static byte[] signingKey(String secret) {
        assertThat(secret).startsWith("whsec_");
        return Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    /** A Deployment whose container "web" follows {@code app:latest} of its own namespace. */
    private static Deployment deployment() {
        String triggers = """
                [{"from":{"kind":"ImageStreamTag","name":"%s:%s"},"fieldPath":"spec.template.spec.containers[?(@.name==\\"%s\\")].image"}]"""
                .formatted(STREAM, TAG, WORKLOAD);
        return new DeploymentBuilder()
                .withNewMetadata().withNamespace(NS).withName(WORKLOAD)
                .withAnnotations(Map.of("image.openshift.io/triggers", triggers)).endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", WORKLOAD)).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", WORKLOAD)).endMetadata()
                .withNewSpec().withContainers(new ContainerBuilder().withName(WORKLOAD).withImage(BOOTSTRAP_IMAGE).build())
                .endSpec().endTemplate().endSpec().build();
    }

    private static JsonNode triggerService(String method, String path, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(suite.serviceUri(Component.TRIGGER_SERVICE, path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
            return json(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return EventRecord.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String digest() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sha256:" + HexFormat.of().formatHex(bytes);
    }

    private static String pullSpec(String digest) {
        return REPOSITORY + "@" + digest;
    }
}
