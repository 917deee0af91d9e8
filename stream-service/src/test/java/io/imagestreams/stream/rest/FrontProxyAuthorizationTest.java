package io.imagestreams.stream.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.utils.ResponseProvider;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.imagestreams.testsupport.tls.ClientCertificate;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API as an aggregated API server ({@code imagestreams.auth.mode=front-proxy}): the front-proxy headers are
 * believed only over TLS with the front proxy's client certificate, and every request is decided by a
 * SubjectAccessReview to the cluster (fabric8's mock API server here), kept for the TTL, refused when it fails.
 */
@QuarkusTest
@TestProfile(FrontProxyAuthorizationTest.FrontProxyOn.class)
@WithKubernetesTestServer
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class FrontProxyAuthorizationTest {

    private static final Path CERTIFICATES = Path.of("target", "front-proxy-test");
    private static final String API = "/apis/image.openshift.io/v1";
    private static final String REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeAuthorizer AUTHORIZER = new FakeAuthorizer();
    private static boolean expecting;

    /** Front-proxy mode over HTTPS with the test's certificates, the request-header CA from a file. */
    public static class FrontProxyOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            FrontProxyCertificates certificates = FrontProxyCertificates.loadOrCreate(CERTIFICATES);
            return Map.of("imagestreams.auth.mode", "front-proxy",
                    "imagestreams.kubernetes.enabled", "true",
                    "imagestreams.auth.front-proxy.client-ca-file", certificates.clientCa().toAbsolutePath().toString(),
                    "imagestreams.auth.front-proxy.allowed-names", FrontProxyCertificates.PROXY_NAME,
                    "quarkus.http.ssl.certificate.files", certificates.servingCertificate().toAbsolutePath().toString(),
                    "quarkus.http.ssl.certificate.key-files", certificates.servingKey().toAbsolutePath().toString(),
                    // a failing review is not retried, so one failing answer fails the request
                    "quarkus.kubernetes-client.request-retry-backoff-limit", "0");
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    @TestHTTPResource(value = "/", tls = true)
    URI https;

    @TestHTTPResource("/")
    URI http;

    private final FrontProxyCertificates certificates = FrontProxyCertificates.loadOrCreate(CERTIFICATES);
    private String namespace;

    @BeforeEach
    void setUp() {
        if (!expecting) {
            server.expect().post().withPath(REVIEWS).andReply(AUTHORIZER).always();
            expecting = true;
        }
        AUTHORIZER.reviews.clear();
        AUTHORIZER.failing = false;
        namespace = "front-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aProxiedRequestIsDecidedByASubjectAccessReviewOfItsUserGroupsExtraAndAttributes() {
        // when
        HttpResponse<String> created = send(proxy(), "POST", API + "/namespaces/" + namespace + "/imagestreams",
                "{\"apiVersion\":\"image.openshift.io/v1\",\"kind\":\"ImageStream\",\"metadata\":{\"name\":\"app\"}}",
                "X-Remote-User", "alice", "X-Remote-Group", "team-a-editors", "X-Remote-Group", "system:authenticated",
                "X-Remote-Extra-Scopes", "image:write", "Content-Type", "application/json");
        HttpResponse<String> status = send(proxy(), "GET", API + "/namespaces/" + namespace + "/imagestreams/app/status", null,
                "X-Remote-User", "alice", "X-Remote-Group", "team-a-editors", "X-Remote-Group", "system:authenticated");

        // then the body reached the resource after the review, and each review asked what the request does
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created.body()).at("/metadata/name").asText()).isEqualTo("app");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(AUTHORIZER.reviews).hasSize(2);
        JsonNode create = AUTHORIZER.reviews.get(0);
        assertThat(create.get("apiVersion").asText()).isEqualTo("authorization.k8s.io/v1");
        assertThat(create.get("kind").asText()).isEqualTo("SubjectAccessReview");
        assertThat(create.at("/spec/user").asText()).isEqualTo("alice");
        assertThat(create.at("/spec/groups")).containsExactly(JSON.getNodeFactory().textNode("team-a-editors"),
                JSON.getNodeFactory().textNode("system:authenticated"));
        assertThat(create.at("/spec/extra/scopes/0").asText()).isEqualTo("image:write");
        assertThat(fields(create.at("/spec/resourceAttributes"))).isEqualTo(Map.of("namespace", namespace, "verb", "create",
                "group", "image.openshift.io", "version", "v1", "resource", "imagestreams"));
        assertThat(create.at("/spec/nonResourceAttributes").isMissingNode()).isTrue();
        assertThat(fields(AUTHORIZER.reviews.get(1).at("/spec/resourceAttributes"))).isEqualTo(Map.of("namespace", namespace,
                "verb", "get", "group", "image.openshift.io", "version", "v1", "resource", "imagestreams", "subresource", "status",
                "name", "app"));
        assertThat(AUTHORIZER.reviews.get(1).at("/spec/extra").isMissingNode()).isTrue();
    }

    @Test
    void aWatchIsReviewedWithTheWatchVerbAndThenStreams() {
        // when
        HttpResponse<String> watch = send(proxy(), "GET", API + "/namespaces/" + namespace + "/imagestreams?watch=true&timeoutSeconds=1", null,
                "X-Remote-User", "alice");
        HttpResponse<String> denied = send(proxy(), "GET", API + "/watch/namespaces/" + namespace + "/imagestreams?timeoutSeconds=1", null,
                "X-Remote-User", "bob");

        // then
        assertThat(watch.statusCode()).isEqualTo(200);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied.body()).get("message").asText()).contains("User \"bob\" cannot watch resource \"imagestreams\"");
        assertThat(AUTHORIZER.reviews).extracting(review -> review.at("/spec/resourceAttributes/verb").asText()).containsExactly("watch", "watch");
    }

    @Test
    void aDeniedReviewIsForbiddenInKubernetesWords() {
        // when
        HttpResponse<String> response = send(proxy(), "DELETE", API + "/namespaces/" + namespace + "/imagestreams/app", null,
                "X-Remote-User", "bob", "X-Remote-Group", "system:authenticated");

        // then
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode status = json(response.body());
        assertThat(status.get("kind").asText()).isEqualTo("Status");
        assertThat(status.get("reason").asText()).isEqualTo("Forbidden");
        assertThat(status.get("message").asText()).isEqualTo("imagestreams.image.openshift.io \"app\" is forbidden: User \"bob\" cannot"
                + " delete resource \"imagestreams\" in API group \"image.openshift.io\" in the namespace \"" + namespace + "\"");
        assertThat(status.at("/details/group").asText()).isEqualTo("image.openshift.io");
        assertThat(status.at("/details/kind").asText()).isEqualTo("imagestreams");
        assertThat(AUTHORIZER.reviews).hasSize(1);
    }

    @Test
    void theHeadersAreNotBelievedWithoutTheFrontProxysCertificate() throws GeneralSecurityException, IOException {
        String path = API + "/namespaces/" + namespace + "/imagestreams";
        String[] alice = {"X-Remote-User", "alice", "X-Remote-Group", "system:masters"};

        // when / then: no certificate, another CA's certificate of the proxy's name, the CA's certificate of another name, plain HTTP
        assertUnauthorized(send(ClientCertificate.withoutCertificate(certificates.serving()), "GET", path, null, alice));
        assertUnauthorized(send(certificates.otherCa().sslContext(certificates.serving()), "GET", path, null, alice));
        assertUnauthorized(send(certificates.wrongName().sslContext(certificates.serving()), "GET", path, null, alice));
        assertUnauthorized(sendTo(http, null, "GET", path, null, alice));
        // the proxy's certificate without a user header
        assertUnauthorized(send(proxy(), "GET", path, null, "X-Remote-Group", "system:masters"));
        assertThat(AUTHORIZER.reviews).as("nothing unauthenticated is reviewed").isEmpty();
        String metrics = sendTo(http, null, "GET", "/q/metrics", null).body();
        assertThat(refusals(metrics, "NoClientCertificate")).as("no certificate, plain HTTP").isGreaterThanOrEqualTo(2);
        assertThat(refusals(metrics, "UntrustedClientCertificate")).as("another CA, another name").isGreaterThanOrEqualTo(2);
        assertThat(refusals(metrics, "NoUserHeader")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aReviewThatFailsIsForbiddenAndNotKept() {
        String path = API + "/namespaces/" + namespace + "/imagestreams";
        AUTHORIZER.failing = true;

        // when
        HttpResponse<String> failed = send(proxy(), "GET", path, null, "X-Remote-User", "dave");
        AUTHORIZER.failing = false;
        HttpResponse<String> retried = send(proxy(), "GET", path, null, "X-Remote-User", "dave");

        // then
        assertThat(failed.statusCode()).isEqualTo(403);
        assertThat(json(failed.body()).get("message").asText())
                .isEqualTo("imagestreams.image.openshift.io is forbidden: authorization could not be checked");
        assertThat(retried.statusCode()).as("the failure was not kept").isEqualTo(200);
        assertThat(AUTHORIZER.reviews).hasSize(2);
    }

    @Test
    void anIdenticalRequestWithinTheTtlIsDecidedOnce() {
        String path = API + "/namespaces/" + namespace + "/imagestreams";

        // when
        int first = send(proxy(), "GET", path, null, "X-Remote-User", "carol", "X-Remote-Group", "viewers").statusCode();
        int second = send(proxy(), "GET", path, null, "X-Remote-User", "carol", "X-Remote-Group", "viewers").statusCode();
        int otherGroups = send(proxy(), "GET", path, null, "X-Remote-User", "carol").statusCode();

        // then
        assertThat(List.of(first, second, otherGroups)).containsOnly(200);
        assertThat(AUTHORIZER.reviews).as("one review for the two identical requests, one for the other identity").hasSize(2);
    }

    @Test
    void discoveryIsReviewedAsANonResourceRequest() {
        // when
        HttpResponse<String> response = send(proxy(), "GET", API, null, "X-Remote-User", "erin", "X-Remote-Group", "system:authenticated");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("kind").asText()).isEqualTo("APIResourceList");
        assertThat(AUTHORIZER.reviews).singleElement().satisfies(review -> {
            assertThat(fields(review.at("/spec/nonResourceAttributes"))).isEqualTo(Map.of("path", API, "verb", "get"));
            assertThat(review.at("/spec/resourceAttributes").isMissingNode()).isTrue();
        });
    }

    @Test
    void healthStaysOpen() throws GeneralSecurityException, IOException {
        assertThat(sendTo(http, null, "GET", "/q/health/live", null).statusCode()).isEqualTo(200);
        assertThat(send(ClientCertificate.withoutCertificate(certificates.serving()), "GET", "/q/health/live", null).statusCode())
                .isEqualTo(200);
        assertThat(AUTHORIZER.reviews).isEmpty();
    }

    // ---- helpers

    private SSLContext proxy() {
        try {
            return certificates.proxy().sslContext(certificates.serving());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double refusals(String metrics, String reason) {
        return metrics.lines().filter(l -> l.startsWith("imagestreams_auth_refusals_total{") && l.contains("reason=\"" + reason + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        JsonNode status = json(response.body());
        assertThat(status.get("kind").asText()).isEqualTo("Status");
        assertThat(status.get("reason").asText()).isEqualTo("Unauthorized");
    }

    private HttpResponse<String> send(SSLContext tls, String method, String path, String body, String... headers) {
        return sendTo(https, tls, method, path, body, headers);
    }

    private static HttpResponse<String> sendTo(URI base, SSLContext tls, String method, String path, String body, String... headers) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            client.sslContext(tls);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new java.util.TreeMap<>();
        object.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
        return fields;
    }

    /** The cluster's authorizer: allows everyone but bob; answers 500 while failing; keeps every review it was asked. */
    static final class FakeAuthorizer implements ResponseProvider<Object> {

        final List<JsonNode> reviews = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        private Headers headers = Headers.builder().build();

        @Override
        public int getStatusCode(RecordedRequest request) {
            return failing ? 500 : 201;
        }

        @Override
        public Object getBody(RecordedRequest request) {
            JsonNode review = json(request.getUtf8Body());
            reviews.add(review);
            if (failing) {
                return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":500,\"message\":\"etcd is unhappy\"}";
            }
            ObjectNode answer = review.deepCopy();
            answer.putObject("status").put("allowed", !"bob".equals(review.at("/spec/user").asText()));
            return answer.toString();
        }

        @Override
        public Headers getHeaders() {
            return headers;
        }

        @Override
        public void setHeaders(Headers headers) {
            this.headers = headers;
        }
    }
}
