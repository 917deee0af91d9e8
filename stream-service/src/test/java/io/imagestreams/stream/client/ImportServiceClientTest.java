package io.imagestreams.stream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageImportStatus;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.image.RepositoryImportSpec;
import io.imagestreams.api.image.RepositoryImportStatus;
import io.imagestreams.api.json.ImageApiJson;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lookup call to import-service: what it sends, what it accepts, and how each way of failing reads. */
class ImportServiceClientTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeImportService fake;
    private ImportServiceClient client;

    @BeforeEach
    void start() {
        fake = FakeImportService.start();
        client = new ImportServiceClient(Optional.of(fake.url()), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void postsTheWholeImportAsJsonAndReadsTheAlignedResults() {
        // given
        fake.answer(200, ImageApiJson.toJsonString(answerWith(ImageImportStatus.succeeded(image(), "v1"))));

        // when
        ImageStreamImportStatus status = client.lookup(request()).await().atMost(WAIT);

        // then
        assertThat(status.getImages()).hasSize(1);
        assertThat(status.getImages().get(0).getImage().getMetadata().getName()).isEqualTo(DIGEST);
        JsonPath sent = JsonPath.from(fake.requests().get(0));
        assertThat(sent.getString("kind")).isEqualTo("ImageStreamImport");
        assertThat(sent.getString("apiVersion")).isEqualTo("image.openshift.io/v1");
        assertThat(sent.getString("metadata.namespace")).isEqualTo("demo");
        assertThat(sent.getString("metadata.name")).isEqualTo("app");
        assertThat(sent.getBoolean("spec.import")).isTrue();
        assertThat(sent.getString("spec.images[0].from.name")).isEqualTo("quay.io/acme/app:v1");
        assertThat(sent.getString("spec.images[0].to.name")).isEqualTo("v1");
    }

    @Test
    void sendsThePlatformEachImagePrefersOnlyWhenOneDoes() {
        // given
        ImageStreamImport twoImages = request().withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:v2").to("v2"));
        ImageStreamImportStatus two = answerWith(ImageImportStatus.succeeded(image(), "v1"));
        two.getImages().add(ImageImportStatus.succeeded(image(), "v2"));
        fake.answer(200, ImageApiJson.toJsonString(two));

        // when
        client.lookup(twoImages, List.of(PlatformPreference.NONE, new PlatformPreference("arm64", null))).await().atMost(WAIT);
        client.lookup(twoImages, List.of(PlatformPreference.NONE, PlatformPreference.NONE)).await().atMost(WAIT);

        // then
        JsonPath preferring = JsonPath.from(fake.requests().get(0));
        assertThat(preferring.getList("platformPreferences")).hasSize(2);
        assertThat(preferring.getMap("platformPreferences[0]")).isEmpty();
        assertThat(preferring.getString("platformPreferences[1].preferArch")).isEqualTo("arm64");
        assertThat(preferring.getMap("platformPreferences[1]")).doesNotContainKey("preferOs");
        assertThat(preferring.getString("spec.images[1].from.name")).isEqualTo("quay.io/acme/app:v2");
        assertThat(JsonPath.from(fake.requests().get(1)).getMap("$")).doesNotContainKey("platformPreferences");
    }

    @Test
    void aMissingUrlIsReportedAsNotConfigured() {
        ImportServiceClient unconfigured = new ImportServiceClient(Optional.empty(), Duration.ofSeconds(2));

        assertThatThrownBy(() -> unconfigured.lookup(request()).await().atMost(WAIT))
                .isInstanceOf(ImportServiceException.class)
                .hasMessage("image import is not configured (imagestreams.import-service.url)");
    }

    @Test
    void aUrlThatIsNotHttpIsReportedAsMisconfigured() {
        ImportServiceClient misconfigured = new ImportServiceClient(Optional.of(URI.create("ftp://import-service")), Duration.ofSeconds(2));

        assertThatThrownBy(() -> misconfigured.lookup(request()).await().atMost(WAIT))
                .isInstanceOf(ImportServiceException.class)
                .hasMessage("image import is misconfigured: imagestreams.import-service.url must be an http or https URL");
    }

    @Test
    void anUnreachableServiceIsNamedWithItsUrl() throws IOException {
        // given a port nobody listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ImportServiceClient down = new ImportServiceClient(Optional.of(URI.create("http://127.0.0.1:" + port)), Duration.ofSeconds(2));

        // then
        assertThatThrownBy(() -> down.lookup(request()).await().atMost(WAIT))
                .isInstanceOf(ImportServiceException.class)
                .hasMessageStartingWith("import-service at http://127.0.0.1:" + port + "/api/v1/lookups could not be reached");
    }

    @Test
    void aSlowServiceTimesOut() {
        fake.answerAfter(Duration.ofSeconds(5), 200, ImageApiJson.toJsonString(answerWith(ImageImportStatus.succeeded(image(), "v1"))));

        assertThatThrownBy(() -> client.lookup(request()).await().atMost(WAIT))
                .isInstanceOf(ImportServiceException.class)
                .hasMessage("import-service at " + fake.url() + "/api/v1/lookups did not answer within 2s");
    }

    @Test
    void anErrorAnswerIsReportedWithItsMessage() {
        fake.answer(503, "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"registry budget exhausted\",\"code\":503}");

        assertThatThrownBy(() -> client.lookup(request()).await().atMost(WAIT))
                .isInstanceOf(ImportServiceException.class)
                .hasMessage("import-service at " + fake.url() + "/api/v1/lookups answered HTTP 503: registry budget exhausted");
    }

    @Test
    void anAnswerThatDoesNotFitTheRequestIsRefused() {
        fake.answer(200, ImageApiJson.toJsonString(new ImageStreamImportStatus()));

        assertThatThrownBy(() -> client.lookup(request()).await().atMost(WAIT))
                .isInstanceOf(ImportServiceException.class)
                .hasMessageEndingWith("answered 0 image results for 1 requested images");
    }

    @Test
    void aSuccessWithoutADigestIsRefused() {
        Image unnamed = Image.named("latest").withDockerImageReference("quay.io/acme/app:v1");
        fake.answer(200, ImageApiJson.toJsonString(answerWith(ImageImportStatus.succeeded(unnamed, "v1"))));

        assertThatThrownBy(() -> client.lookup(request()).await().atMost(WAIT))
                .isInstanceOf(ImportServiceException.class)
                .hasMessageEndingWith("images[0]: image name \"latest\" is not a digest");
    }

    @Test
    void aRepositoryImportNeedsTheRepositoryResultWithATagPerImage() {
        // given
        ImageStreamImport request = ImageStreamImport.of("demo", "app", true);
        request.getSpec().setRepository(RepositoryImportSpec.fromDockerImage("quay.io/acme/app"));
        fake.answer(200, "{}");

        // then
        assertThatThrownBy(() -> client.lookup(request).await().atMost(WAIT))
                .hasMessageEndingWith("answered no repository result for the requested repository");

        // given a result without its tag
        ImageStreamImportStatus untagged = new ImageStreamImportStatus();
        untagged.setRepository(new RepositoryImportStatus());
        untagged.getRepository().getImages().add(ImageImportStatus.succeeded(image(), null));
        fake.answer(200, ImageApiJson.toJsonString(untagged));

        // then
        assertThatThrownBy(() -> client.lookup(request).await().atMost(WAIT))
                .hasMessageEndingWith("repository.images[0]: tag \"\" is not a valid tag");
    }

    @Test
    void aBodyThatIsNotAStatusIsRefused() {
        fake.answer(200, "[1, 2]");

        assertThatThrownBy(() -> client.lookup(request()).await().atMost(WAIT))
                .isInstanceOf(ImportServiceException.class)
                .hasMessageContaining("answered a lookup result that is not an ImageStreamImportStatus");
    }

    private static ImageStreamImport request() {
        return ImageStreamImport.of("demo", "app", true)
                .withImage(ImageImportSpec.fromDockerImage("quay.io/acme/app:v1").to("v1"));
    }

    private static Image image() {
        return Image.named(DIGEST).withDockerImageReference("quay.io/acme/app@" + DIGEST);
    }

    private static ImageStreamImportStatus answerWith(ImageImportStatus result) {
        ImageStreamImportStatus status = new ImageStreamImportStatus();
        status.getImages().add(result);
        return status;
    }
}
