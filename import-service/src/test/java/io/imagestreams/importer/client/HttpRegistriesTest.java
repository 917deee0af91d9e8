package io.imagestreams.importer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imagestreams.api.image.DockerImageMetadata;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageLayer;
import io.imagestreams.api.image.ImageManifest;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.RegistryException.Reason;
import io.imagestreams.testsupport.registry.DockerRegistryServer;
import io.imagestreams.testsupport.registry.ImageSpec;
import io.imagestreams.testsupport.registry.ImageSpec.ManifestFormat;
import io.imagestreams.testsupport.registry.PushedImage;
import io.imagestreams.testsupport.registry.PushedIndex;
import io.imagestreams.testsupport.registry.RecordingProxy;
import io.imagestreams.testsupport.registry.RecordingProxy.RecordedRequest;
import io.imagestreams.testsupport.registry.RegistryPusher;
import io.imagestreams.testsupport.registry.WebServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpRegistries} against a real registry without auth, through a recording proxy where traffic counts. */
class HttpRegistriesTest {

    private static final ImportOptions INSECURE = new ImportOptions(true, ImportOptions.LEGACY, null, null, null);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static DockerRegistryServer registry;
    private static RecordingProxy proxy;
    private static RegistryPusher pusher;

    private MutableClock clock;
    private RegistryBudgets budgets;
    private SimpleMeterRegistry meters;
    private HttpRegistries registries;

    @BeforeAll
    static void startRegistry() {
        registry = DockerRegistryServer.start();
        proxy = RecordingProxy.start(registry.url());
        pusher = new RegistryPusher(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        proxy.close();
        registry.close();
    }

    @BeforeEach
    void newClient() {
        proxy.reset();
        proxy.clearRequests();
        registries = client(TestRegistriesConfig.defaults());
    }

    private HttpRegistries client(TestRegistriesConfig config) {
        clock = new MutableClock(NOW);
        budgets = new RegistryBudgets(clock);
        meters = new SimpleMeterRegistry();
        return new HttpRegistries(config, budgets, meters, clock, HostResolver.SYSTEM,
                new JdkRegistryTransport(config.connectTimeout()));
    }

    private static ImageReference direct(String repositoryAndTag) {
        return ImageReference.parse(registry.hostPort() + "/" + repositoryAndTag);
    }

    private static ImageReference proxied(String repositoryAndTag) {
        return ImageReference.parse(proxy.hostPort() + "/" + repositoryAndTag);
    }

    @Test
    void importsADockerSchema2ImageWithItsMetadataAndLayers() throws Exception {
        // given
        ImageSpec spec = ImageSpec.linux("amd64")
                .withEnv(List.of("PATH=/usr/bin", "APP=web"))
                .withLabels(Map.of("team", "platform", "version", "1.2"))
                .withExposedPorts(List.of("8080/tcp"))
                .withCommand(List.of("/entry.sh"), List.of("serve", "--port=8080"))
                .withWorkingDirAndUser("/srv", "1001")
                .withLayers(3, 700);
        PushedImage pushed = pusher.push("apps/web", "1.0", spec);

        // when
        ImportedImage imported = registries.importImage(direct("apps/web:1.0"), INSECURE);

        // then
        Image image = imported.image();
        assertThat(imported.sourceDigest()).isEqualTo(pushed.digest());
        assertThat(imported.sourceMediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_V2);
        assertThat(imported.sourceChildren()).isZero();
        assertThat(imported.manifests()).isEmpty();
        assertThat(image.getMetadata().getName()).isEqualTo(pushed.digest());
        assertThat(image.getDockerImageReference()).isEqualTo(registry.hostPort() + "/apps/web@" + pushed.digest());
        assertThat(image.getDockerImageMetadataVersion()).isEqualTo("1.0");
        assertThat(image.getDockerImageManifestMediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_V2);
        assertThat(image.getDockerImageManifest()).isNull();
        assertThat(image.getDockerImageConfig()).isNull();
        assertThat(image.getDockerImageLayers()).containsExactlyElementsOf(pushed.layers().stream()
                .map(l -> new ImageLayer(l.digest(), l.size(), l.mediaType())).toList());
        DockerImageMetadata metadata = image.getDockerImageMetadata();
        assertThat(metadata.getId()).isEqualTo(pushed.config().digest());
        assertThat(metadata.getCreated()).isEqualTo(spec.created());
        assertThat(metadata.getArchitecture()).isEqualTo("amd64");
        assertThat(metadata.getOs()).isEqualTo("linux");
        assertThat(metadata.getSize()).isEqualTo(pushed.size());
        assertThat(metadata.getConfig().getEnv()).containsExactly("PATH=/usr/bin", "APP=web");
        assertThat(metadata.getConfig().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "platform", "version", "1.2"));
        assertThat(metadata.getConfig().getExposedPorts()).containsExactly("8080/tcp");
        assertThat(metadata.getConfig().getEntrypoint()).containsExactly("/entry.sh");
        assertThat(metadata.getConfig().getCmd()).containsExactly("serve", "--port=8080");
        assertThat(metadata.getConfig().getWorkingDir()).isEqualTo("/srv");
        assertThat(metadata.getConfig().getUser()).isEqualTo("1001");
    }

    @Test
    void importsAnOciImageWithItsVariant() throws Exception {
        // given
        PushedImage pushed = pusher.push("apps/oci", "v1",
                ImageSpec.linux("arm64").withVariant("v8").withFormat(ManifestFormat.OCI));

        // when
        ImportedImage imported = registries.importImage(direct("apps/oci:v1"), INSECURE);

        // then
        Image image = imported.image();
        assertThat(image.getMetadata().getName()).isEqualTo(pushed.digest());
        assertThat(image.getDockerImageManifestMediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
        assertThat(image.getDockerImageLayers()).extracting(ImageLayer::getMediaType)
                .containsOnly("application/vnd.oci.image.layer.v1.tar+gzip");
        assertThat(image.getDockerImageMetadata().getArchitecture()).isEqualTo("arm64");
        assertThat(image.getDockerImageMetadata().getVariant()).isEqualTo("v8");
        assertThat(image.getDockerImageMetadata().getSize()).isEqualTo(pushed.size());
    }

    @Test
    void resolvesAnUnchangedTagWithExactlyOneHead() throws Exception {
        // given
        PushedImage pushed = pusher.push("apps/polled", "latest", ImageSpec.linux("amd64"));
        registries.resolve(proxied("apps/polled:latest"), INSECURE);
        proxy.clearRequests();

        // when
        ResolvedManifest resolved = registries.resolve(proxied("apps/polled:latest"), INSECURE);

        // then
        assertThat(resolved).isEqualTo(new ResolvedManifest(pushed.digest(), MediaTypes.DOCKER_MANIFEST_V2));
        assertThat(proxy.requests()).extracting(RecordedRequest::method, RecordedRequest::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HEAD", "/v2/apps/polled/manifests/latest"));
        assertThat(meters.counter(HttpRegistries.REQUESTS_METER, "registry", proxy.hostPort(), "method", "HEAD",
                "status", "2xx").count()).isEqualTo(2.0);
    }

    @Test
    void fallsBackToGetWhenTheHeadAnswerHasNoDigest() throws Exception {
        // given
        PushedImage pushed = pusher.push("apps/nodigest", "1", ImageSpec.linux("amd64"));
        registries.resolve(proxied("apps/nodigest:1"), INSECURE);
        proxy.clearRequests();
        proxy.rewriteMatching("HEAD", "/manifests/", 1, response -> response.withHeader("Docker-Content-Digest", null));

        // when
        ResolvedManifest resolved = registries.resolve(proxied("apps/nodigest:1"), INSECURE);

        // then
        assertThat(resolved.digest()).isEqualTo(pushed.digest());
        assertThat(proxy.requests()).extracting(RecordedRequest::method).containsExactly("HEAD", "GET");
    }

    @Test
    void legacyImportOfAManifestListPicksLinuxAmd64() throws Exception {
        // given
        PushedIndex list = pusher.pushIndex("multi/app", "1", List.of(ImageSpec.linux("arm64").withVariant("v8"),
                ImageSpec.linux("amd64")));

        // when
        ImportedImage imported = registries.importImage(direct("multi/app:1"), INSECURE);

        // then
        PushedImage amd64 = list.child("linux", "amd64");
        assertThat(imported.sourceDigest()).isEqualTo(list.digest());
        assertThat(imported.sourceMediaType()).isEqualTo(list.mediaType());
        assertThat(imported.sourceChildren()).isEqualTo(2);
        assertThat(imported.image().getMetadata().getName()).isEqualTo(amd64.digest());
        assertThat(imported.image().getDockerImageReference()).isEqualTo(registry.hostPort() + "/multi/app@" + amd64.digest());
        assertThat(imported.image().getDockerImageMetadata().getArchitecture()).isEqualTo("amd64");
        assertThat(imported.manifests()).isEmpty();
    }

    @Test
    void legacyImportHonoursThePreferredArchitecture() throws Exception {
        // given
        PushedIndex list = pusher.pushIndex("multi/prefer", "1", List.of(ImageSpec.linux("amd64"),
                ImageSpec.linux("arm64").withVariant("v8")));
        ImportOptions preferArm = new ImportOptions(true, ImportOptions.LEGACY, "arm64", null, null);

        // when
        ImportedImage imported = registries.importImage(direct("multi/prefer:1"), preferArm);

        // then
        assertThat(imported.image().getMetadata().getName()).isEqualTo(list.child("linux", "arm64").digest());
        assertThat(imported.image().getDockerImageMetadata().getVariant()).isEqualTo("v8");
        assertThat(imported.sourceDigest()).isEqualTo(list.digest());
    }

    @Test
    void aPreferenceNoChildMatchesFallsBackToTheDefaultPlatform() throws Exception {
        // given
        PushedIndex list = pusher.pushIndex("multi/nomatch", "1", List.of(ImageSpec.linux("arm64"),
                ImageSpec.linux("amd64")));
        ImportOptions preferS390x = new ImportOptions(true, ImportOptions.LEGACY, "s390x", "linux", null);

        // when
        ImportedImage imported = registries.importImage(direct("multi/nomatch:1"), preferS390x);

        // then
        assertThat(imported.image().getMetadata().getName()).isEqualTo(list.child("linux", "amd64").digest());
    }

    @Test
    void aPreferenceOfOnePartTakesTheOtherFromTheDefaultPlatformThenMatchesOnWhatIsSet() throws Exception {
        // given: arm64 for two operating systems, and for an OS only on amd64
        PushedIndex list = pusher.pushIndex("multi/parts", "1", List.of(ImageSpec.linux("amd64"),
                ImageSpec.linux("arm64").withOs("freebsd"), ImageSpec.linux("arm64"),
                ImageSpec.linux("amd64").withOs("windows")));

        // when
        ImportedImage arm = registries.importImage(direct("multi/parts:1"),
                new ImportOptions(true, ImportOptions.LEGACY, "arm64", null, null));
        ImportedImage windows = registries.importImage(direct("multi/parts:1"),
                new ImportOptions(true, ImportOptions.LEGACY, null, "windows", null));
        ImportedImage freebsd = registries.importImage(direct("multi/parts:1"),
                new ImportOptions(true, ImportOptions.LEGACY, null, "freebsd", null));

        // then: linux/arm64 (the default's OS) before freebsd/arm64; an OS alone matches whatever architecture it has
        assertThat(arm.image().getMetadata().getName()).isEqualTo(list.child("linux", "arm64").digest());
        assertThat(windows.image().getMetadata().getName()).isEqualTo(list.child("windows", "amd64").digest());
        assertThat(freebsd.image().getMetadata().getName()).isEqualTo(list.child("freebsd", "arm64").digest());
    }

    @Test
    void aDefaultPlatformNoChildMatchesFallsBackToLinuxAmd64ThenTheFirstChild() throws Exception {
        // given
        PushedIndex withAmd64 = pusher.pushIndex("multi/fallback", "1", List.of(ImageSpec.linux("arm64"),
                ImageSpec.linux("amd64")));
        PushedIndex withoutAmd64 = pusher.pushIndex("multi/fallback", "2", List.of(ImageSpec.linux("arm64"),
                ImageSpec.linux("s390x")));
        HttpRegistries ppc64le = client(TestRegistriesConfig.defaults().withDefaultPlatform("linux/ppc64le"));

        // when
        ImportedImage amd64 = ppc64le.importImage(direct("multi/fallback:1"), INSECURE);
        ImportedImage first = ppc64le.importImage(direct("multi/fallback:2"), INSECURE);

        // then
        assertThat(amd64.image().getMetadata().getName()).isEqualTo(withAmd64.child("linux", "amd64").digest());
        assertThat(first.image().getMetadata().getName()).isEqualTo(withoutAmd64.child("linux", "arm64").digest());
    }

    @Test
    void preserveOriginalImportsTheListAndEveryChild() throws Exception {
        // given
        PushedIndex index = pusher.pushIndex("multi/oci", "2", List.of(
                ImageSpec.linux("amd64").withFormat(ManifestFormat.OCI),
                ImageSpec.linux("arm64").withVariant("v8").withFormat(ManifestFormat.OCI)));
        ImportOptions preserve = new ImportOptions(true, ImportOptions.PRESERVE_ORIGINAL, null, null, null);

        // when
        ImportedImage imported = registries.importImage(direct("multi/oci:2"), preserve);

        // then
        Image list = imported.image();
        assertThat(imported.sourceDigest()).isEqualTo(index.digest());
        assertThat(list.getMetadata().getName()).isEqualTo(index.digest());
        assertThat(list.getDockerImageReference()).isEqualTo(registry.hostPort() + "/multi/oci@" + index.digest());
        assertThat(list.getDockerImageManifestMediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(list.getDockerImageLayers()).isEmpty();
        assertThat(list.getDockerImageMetadata().getId()).isEqualTo(index.digest());
        ImageManifest amd64 = ImageManifest.of(index.children().get(0).digest(), MediaTypes.OCI_MANIFEST,
                index.children().get(0).manifest().length, "amd64", "linux");
        ImageManifest arm64 = ImageManifest.of(index.children().get(1).digest(), MediaTypes.OCI_MANIFEST,
                index.children().get(1).manifest().length, "arm64", "linux");
        arm64.setVariant("v8");
        assertThat(list.getDockerImageManifests()).containsExactly(amd64, arm64);
        assertThat(imported.manifests()).extracting(i -> i.getMetadata().getName())
                .containsExactly(amd64.getDigest(), arm64.getDigest());
        assertThat(imported.manifests()).allSatisfy(child -> assertThat(child.getDockerImageLayers()).hasSize(2));
    }

    @Test
    void aMissingTagIsNotFound() {
        // given
        pusher.push("apps/present", "1", ImageSpec.linux("amd64"));

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.importImage(direct("apps/present:nope"), INSECURE));

        // then
        assertThat(error.reason()).isEqualTo(Reason.NotFound);
        assertThat(error.getMessage())
                .isEqualTo("dockerimage.image.openshift.io \"" + registry.hostPort() + "/apps/present:nope\" not found");
    }

    @Test
    void aMissingTagOfTheRealRegistryCostsNoV2Check() {
        // given
        pusher.push("apps/unpinged", "1", ImageSpec.linux("amd64"));

        // when
        RegistryException resolve = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(proxied("apps/unpinged:nope"), INSECURE));
        RegistryException importing = catchThrowableOfType(RegistryException.class,
                () -> registries.importImage(proxied("apps/unpinged:nope"), INSECURE));

        // then: the registry's 404 carries its version header, so nothing more is asked
        assertThat(resolve.reason()).isEqualTo(Reason.NotFound);
        assertThat(importing.reason()).isEqualTo(Reason.NotFound);
        assertThat(proxy.requests("GET", "^/v2/$")).isEmpty();
    }

    @Test
    void aRegistryThatLeavesOutTheVersionHeaderIsStillARegistry() {
        // given: a registry that sends no Docker-Distribution-API-Version header, on any answer
        pusher.push("apps/headerless", "1", ImageSpec.linux("amd64"));
        proxy.rewriteMatching(null, "^/v2/", -1, response -> response.withHeader(HttpRegistries.API_VERSION_HEADER, null));

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(proxied("apps/headerless:nope"), INSECURE));

        // then: its /v2/ answers 200, so a missing tag is still NotFound
        assertThat(error.reason()).isEqualTo(Reason.NotFound);
        assertThat(proxy.requests("GET", "^/v2/$")).hasSize(1);
    }

    @Test
    void aWebServerThatAnswers404IsNotAV2Registry() {
        try (WebServer web = WebServer.notFoundEverywhere()) {
            // given
            ImageReference reference = ImageReference.parse(web.hostPort() + "/team/app:1");

            // when
            RegistryException resolve = catchThrowableOfType(RegistryException.class,
                    () -> registries.resolve(reference, INSECURE));
            RegistryException importing = catchThrowableOfType(RegistryException.class,
                    () -> registries.importImage(reference, INSECURE));
            RegistryException listing = catchThrowableOfType(RegistryException.class,
                    () -> registries.listTags(reference, INSECURE));

            // then
            assertThat(List.of(resolve, importing, listing)).extracting(RegistryException::reason)
                    .containsOnly(Reason.NotV2Registry);
            assertThat(importing.getMessage()).isEqualTo("registry \"" + web.hostPort() + "\" does not support the v2"
                    + " Registry API: GET http://" + web.hostPort() + "/v2/ answered 404 without a"
                    + " Docker-Distribution-API-Version header");
            assertThat(web.requests()).contains("GET /v2/");
        }
    }

    @Test
    void aWebSiteThatAnswersEveryPathWithItsPageIsNotAV2Registry() {
        try (WebServer web = WebServer.htmlEverywhere()) {
            // given
            ImageReference reference = ImageReference.parse(web.hostPort() + "/team/app:1");

            // when
            RegistryException resolve = catchThrowableOfType(RegistryException.class,
                    () -> registries.resolve(reference, INSECURE));
            RegistryException importing = catchThrowableOfType(RegistryException.class,
                    () -> registries.importImage(reference, INSECURE));

            // then
            assertThat(resolve.reason()).isEqualTo(Reason.NotV2Registry);
            assertThat(importing.reason()).isEqualTo(Reason.NotV2Registry);
            assertThat(importing.getMessage()).startsWith("registry \"" + web.hostPort() + "\" does not support the v2"
                    + " Registry API").endsWith("answered 200 with an HTML page and no Docker-Distribution-API-Version header");
        }
    }

    @Test
    void aHostWhoseV2AsksForABearerTokenIsARegistry() {
        // given: no version header anywhere, manifests 404, /v2/ a 401 challenge
        try (WebServer host = WebServer.notFoundEverywhere().on("/v2/", 401,
                Map.of("WWW-Authenticate", "Bearer realm=\"https://auth.example/token\",service=\"registry\""), "")) {

            // when
            RegistryException error = catchThrowableOfType(RegistryException.class,
                    () -> registries.importImage(ImageReference.parse(host.hostPort() + "/team/app:1"), INSECURE));

            // then
            assertThat(error.reason()).isEqualTo(Reason.NotFound);
        }
    }

    @Test
    void aFailingServerIsNotCalledSomethingElseThanARegistry() {
        try (WebServer failing = WebServer.answering(502, "text/html", "<html><body>Bad Gateway</body></html>")) {
            // when
            RegistryException error = catchThrowableOfType(RegistryException.class,
                    () -> registries.importImage(ImageReference.parse(failing.hostPort() + "/team/app:1"), INSECURE));

            // then: a 5xx cannot tell; the answer speaks for itself
            assertThat(error.reason()).isEqualTo(Reason.InternalError);
            assertThat(error.getMessage()).contains("unexpected status 502");
        }
    }

    @Test
    void listsEveryTagAcrossLinkPages() throws Exception {
        // given distribution 2.8 answers every tag at once: the proxy pages them as Docker Hub does
        List<String> tags = IntStream.range(0, 130).mapToObj(i -> "t" + i).toList();
        pusher.pushTags("many/tags", tags, ImageSpec.linux("amd64"));
        proxy.pageTagLists();

        // when
        List<String> listed = registries.listTags(proxied("many/tags"), INSECURE);

        // then
        assertThat(listed).hasSize(130).containsExactlyInAnyOrderElementsOf(tags);
        assertThat(proxy.requests("GET", "/tags/list")).extracting(RecordedRequest::path)
                .containsExactly("/v2/many/tags/tags/list?n=100",
                        "/v2/many/tags/tags/list?last=" + tags.stream().sorted().toList().get(99) + "&n=100");
    }

    @Test
    void aRateLimitBlocksTheRegistryUntilRetryAfterHasPassed() throws Exception {
        // given
        pusher.push("apps/limited", "1", ImageSpec.linux("amd64"));
        proxy.answerNext(1, RecordingProxy.tooManyRequests("120",
                Map.of("RateLimit-Limit", "100;w=21600", "RateLimit-Remaining", "0;w=21600")));

        // when
        RegistryException limited = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(proxied("apps/limited:1"), INSECURE));

        // then
        assertThat(limited.reason()).isEqualTo(Reason.RateLimited);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(120));
        RegistryBudget budget = budgets.budget(proxy.hostPort()).orElseThrow();
        assertThat(budget.limit()).hasValue(100);
        assertThat(budget.remaining()).hasValue(0);
        assertThat(budget.blockedUntil()).isEqualTo(NOW.plusSeconds(120));

        // when the registry is asked again before the time has passed
        proxy.clearRequests();
        clock.advance(Duration.ofSeconds(119));
        RegistryException again = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(proxied("apps/limited:1"), INSECURE));

        // then it fails at once, without traffic
        assertThat(again.reason()).isEqualTo(Reason.RateLimited);
        assertThat(again.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(proxy.requests()).isEmpty();

        // when the time has passed
        clock.advance(Duration.ofSeconds(1));
        ResolvedManifest resolved = registries.resolve(proxied("apps/limited:1"), INSECURE);

        // then
        assertThat(resolved.digest()).startsWith("sha256:");
        assertThat(proxy.requests("HEAD", "/manifests/1")).hasSize(1);
    }

    @Test
    void anHttpOnlyRegistryNeedsTheInsecureFlag() {
        // given
        pusher.push("apps/plain", "1", ImageSpec.linux("amd64"));

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(direct("apps/plain:1"), ImportOptions.defaults()));

        // then
        assertThat(error.reason()).isEqualTo(Reason.BadRequest);
        assertThat(error.getMessage()).isEqualTo("the repository " + registry.hostPort()
                + "/apps/plain is HTTP only and requires the insecure flag to import");
    }

    @Test
    void aRegistryConfiguredInsecureNeedsNoFlag() throws Exception {
        // given
        PushedImage pushed = pusher.push("apps/configured", "1", ImageSpec.linux("amd64"));
        HttpRegistries configured = client(TestRegistriesConfig.defaults().withInsecure(List.of("127.0.0.1")));

        // when
        ResolvedManifest resolved = configured.resolve(direct("apps/configured:1"), ImportOptions.defaults());

        // then
        assertThat(resolved.digest()).isEqualTo(pushed.digest());
    }

    @Test
    void aManifestThatDoesNotMatchItsDigestIsInvalid() {
        // given
        pusher.push("apps/tampered", "1", ImageSpec.linux("amd64"));
        proxy.rewriteMatching("GET", "/manifests/", 1, response -> response.withBody(
                (new String(response.body(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8)));

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.importImage(proxied("apps/tampered:1"), INSECURE));

        // then
        assertThat(error.reason()).isEqualTo(Reason.Invalid);
        assertThat(error.getMessage()).startsWith("content integrity error: the manifest retrieved with digest sha256:");
    }

    @Test
    void aSchema1ManifestIsInvalid() {
        // given
        proxy.answerMatching("GET", "/manifests/old", 1, RecordingProxy.ProxiedResponse.of(200,
                Map.of("Content-Type", MediaTypes.DOCKER_MANIFEST_V1_SIGNED),
                "{\"schemaVersion\":1,\"name\":\"apps/legacy\",\"tag\":\"old\",\"fsLayers\":[]}"
                        .getBytes(StandardCharsets.UTF_8)));

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.importImage(proxied("apps/legacy:old"), INSECURE));

        // then
        assertThat(error.reason()).isEqualTo(Reason.Invalid);
        assertThat(error.getMessage()).contains("unsupported image manifest type").contains("schema 1");
    }
}
