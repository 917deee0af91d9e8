package io.imagestreams.stream.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * Without {@code client-ca-file}, the request-header client CA and the allowed names come from the cluster's
 * {@code kube-system/extension-apiserver-authentication} ConfigMap, as aggregated API servers read them.
 */
@QuarkusTest
@TestProfile(FrontProxyClusterCaTest.CaFromTheCluster.class)
@WithKubernetesTestServer(setup = FrontProxyClusterCaTest.Cluster.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class FrontProxyClusterCaTest {

    private static final Path CERTIFICATES = Path.of("target", "front-proxy-test");

    /** Front-proxy mode over HTTPS; nothing said about the request-header CA. */
    public static class CaFromTheCluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            FrontProxyCertificates certificates = FrontProxyCertificates.loadOrCreate(CERTIFICATES);
            return Map.of("imagestreams.auth.mode", "front-proxy",
                    "imagestreams.kubernetes.enabled", "true",
                    "quarkus.http.ssl.certificate.files", certificates.servingCertificate().toAbsolutePath().toString(),
                    "quarkus.http.ssl.certificate.key-files", certificates.servingKey().toAbsolutePath().toString());
        }
    }

    /** The cluster: kube-apiserver's authentication ConfigMap (the CA, one allowed name), and an authorizer allowing everything. */
    public static class Cluster implements Consumer<KubernetesServer> {
        @Override
        public void accept(KubernetesServer server) {
            FrontProxyCertificates certificates = FrontProxyCertificates.loadOrCreate(CERTIFICATES);
            String ca;
            try {
                ca = Files.readString(certificates.clientCa());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.expect().get().withPath("/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication")
                    .andReturn(200, new ConfigMapBuilder().withNewMetadata().withNamespace("kube-system")
                            .withName("extension-apiserver-authentication").endMetadata()
                            .addToData("client-ca-file", "not the request-header CA")
                            .addToData("requestheader-client-ca-file", ca)
                            .addToData("requestheader-allowed-names", "[\"" + FrontProxyCertificates.PROXY_NAME + "\"]")
                            .addToData("requestheader-username-headers", "[\"X-Remote-User\"]")
                            .addToData("requestheader-group-headers", "[\"X-Remote-Group\"]")
                            .addToData("requestheader-extra-headers-prefix", "[\"X-Remote-Extra-\"]").build())
                    .always();
            server.expect().post().withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews").andReply(201, request -> {
                try {
                    ObjectNode review = (ObjectNode) new ObjectMapper().readTree(request.getUtf8Body());
                    review.putObject("status").put("allowed", true);
                    return review.toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).always();
        }
    }

    @TestHTTPResource(value = "/", tls = true)
    URI https;

    private final FrontProxyCertificates certificates = FrontProxyCertificates.loadOrCreate(CERTIFICATES);

    @Test
    void theRequestHeaderCaAndTheAllowedNamesComeFromTheCluster() throws GeneralSecurityException, IOException {
        String path = "/apis/image.openshift.io/v1/namespaces/team-a/imagestreams";

        // when / then
        assertThat(get(certificates.proxy().sslContext(certificates.serving()), path)).isEqualTo(200);
        assertThat(get(certificates.wrongName().sslContext(certificates.serving()), path)).as("a name the ConfigMap does not allow")
                .isEqualTo(401);
        assertThat(get(certificates.otherCa().sslContext(certificates.serving()), path)).as("another CA").isEqualTo(401);
    }

    private int get(SSLContext tls, String path) {
        try {
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(https.resolve(path)).header("X-Remote-User", "alice").GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
