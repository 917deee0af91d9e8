package io.imagestreams.stream.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.ImageBuilder;
import io.fabric8.openshift.api.model.ImageStream;
import io.fabric8.openshift.api.model.ImageStreamBuilder;
import io.fabric8.openshift.api.model.ImageStreamImage;
import io.fabric8.openshift.api.model.ImageStreamMappingBuilder;
import io.fabric8.openshift.api.model.ImageStreamTag;
import io.fabric8.openshift.api.model.NamedTagEventList;
import io.fabric8.openshift.client.OpenShiftClient;
import io.imagestreams.testsupport.KafkaResource;
import io.imagestreams.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * fabric8's {@code openshift-client}, pointed at stream-service as its master URL, works unchanged:
 * what an existing OpenShift tool does against our API.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "streams"), parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
class OpenShiftClientCompatibilityTest {

    private static final String DIGEST = "sha256:" + "c".repeat(64);

    @TestHTTPResource("/")
    URL server;

    private KubernetesClient kubernetes;
    private OpenShiftClient openshift;
    private String ns;

    @BeforeEach
    void connect() {
        // Config.empty(): never read the machine's kubeconfig or service account
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(server.toString()).withNamespace("default")
                .withRequestRetryBackoffLimit(0).build();
        kubernetes = new KubernetesClientBuilder().withConfig(config).build();
        openshift = kubernetes.adapt(OpenShiftClient.class);
        ns = "compat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void close() {
        kubernetes.close();
    }

    @Test
    void createsGetsListsUpdatesAndDeletesStreams() {
        // when
        ImageStream created = openshift.imageStreams().inNamespace(ns).resource(phpStream()).create();

        // then
        assertThat(created.getMetadata().getUid()).isNotBlank();
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(openshift.imageStreams().inNamespace(ns).withName("php").get().getSpec().getTags())
                .extracting("name").containsExactly("7.1", "latest");
        assertThat(openshift.imageStreams().inNamespace(ns).list().getItems()).extracting("metadata.name").containsExactly("php");
        assertThat(openshift.imageStreams().inNamespace(ns).withName("missing").get()).isNull();

        // when
        ImageStream labelled = openshift.imageStreams().inNamespace(ns).withName("php")
                .edit(is -> new ImageStreamBuilder(is).editMetadata().addToLabels("team", "web").endMetadata().build());

        // then
        assertThat(labelled.getMetadata().getLabels()).containsEntry("team", "web");
        assertThat(openshift.imageStreams().inNamespace(ns).withLabel("team", "web").list().getItems()).hasSize(1);

        // when / then
        openshift.imageStreams().inNamespace(ns).withName("php").delete();
        assertThat(openshift.imageStreams().inNamespace(ns).withName("php").get()).isNull();
    }

    @Test
    void staleUpdatesFailWithConflict() {
        // given
        ImageStream created = openshift.imageStreams().inNamespace(ns).resource(phpStream()).create();
        openshift.imageStreams().inNamespace(ns).resource(new ImageStreamBuilder(created)
                .editMetadata().addToLabels("v", "1").endMetadata().build()).update();

        // when / then
        assertThatThrownBy(() -> openshift.imageStreams().inNamespace(ns).resource(new ImageStreamBuilder(created)
                .editMetadata().addToLabels("v", "2").endMetadata().build()).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                });
    }

    @Test
    void mapsImagesAndReadsThemAsIstagsAndIsimages() {
        // given
        openshift.imageStreams().inNamespace(ns).resource(phpStream()).create();

        // when
        openshift.imageStreamMappings().inNamespace(ns).create(new ImageStreamMappingBuilder()
                .withMetadata(new ObjectMetaBuilder().withName("php").build())
                .withTag("7.1")
                .withImage(new ImageBuilder().withMetadata(new ObjectMetaBuilder().withName(DIGEST).build())
                        .withDockerImageReference("quay.io/centos/php-71@" + DIGEST).build())
                .build());

        // then
        ImageStreamTag istag = openshift.imageStreamTags().inNamespace(ns).withName("php:latest").get();
        assertThat(istag.getImage().getMetadata().getName()).isEqualTo(DIGEST);
        ImageStreamImage isimage = openshift.imageStreamImages().inNamespace(ns).withName("php@sha256:cccc").get();
        assertThat(isimage.getImage().getDockerImageReference()).isEqualTo("quay.io/centos/php-71@" + DIGEST);
        NamedTagEventList history = openshift.imageStreams().inNamespace(ns).withName("php").get().getStatus().getTags().stream()
                .filter(t -> t.getTag().equals("7.1")).findFirst().orElseThrow();
        assertThat(history.getItems()).extracting("image").containsExactly(DIGEST);
        assertThat(openshift.images().withName(DIGEST).get().getDockerImageReference()).isEqualTo("quay.io/centos/php-71@" + DIGEST);
    }

    @Test
    void discoversTheImageApiGroup() {
        assertThat(kubernetes.supports(ImageStream.class)).isTrue();
        assertThat(kubernetes.getKubernetesVersion().getGitVersion()).startsWith("v1.");
    }

    private static ImageStream phpStream() {
        return new ImageStreamBuilder()
                .withNewMetadata().withName("php").endMetadata()
                .withNewSpec()
                .addNewTag().withName("7.1").withNewFrom().withKind("DockerImage").withName("docker.io/centos/php-71-centos7:latest")
                .endFrom().endTag()
                .addNewTag().withName("latest").withNewFrom().withKind("ImageStreamTag").withName("7.1").endFrom().endTag()
                .endSpec()
                .build();
    }
}
