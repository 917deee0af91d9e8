package io.imagestreams.importer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.RegistryException.Reason;
import io.imagestreams.testsupport.registry.DockerRegistryServer;
import io.imagestreams.testsupport.registry.ImageSpec;
import io.imagestreams.testsupport.registry.PushedImage;
import io.imagestreams.testsupport.registry.PushedIndex;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpRegistries} against a real registry serving HTTPS with a self-signed certificate: refused with the
 * certificate problem unless the tag or the registry's settings say insecure, then read over HTTPS unverified.
 */
class HttpRegistriesTlsTest {

    private static final ImportOptions INSECURE = new ImportOptions(true, ImportOptions.LEGACY, null, null, null);

    private static DockerRegistryServer registry;
    private static PushedImage pushed;

    @BeforeAll
    static void startRegistry() {
        registry = DockerRegistryServer.builder().tls().start();
        pushed = registry.pusher().push("tls/app", "1", ImageSpec.linux("amd64"));
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    private static HttpRegistries client(TestRegistriesConfig config) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        return new HttpRegistries(config, new RegistryBudgets(clock), new SimpleMeterRegistry(), clock,
                HostResolver.SYSTEM, new JdkRegistryTransport(config.connectTimeout()));
    }

    private static ImageReference reference(String repositoryAndTag) {
        return ImageReference.parse(registry.hostPort() + "/" + repositoryAndTag);
    }

    @Test
    void aCertificateThatCannotBeVerifiedNeedsTheInsecureFlag() {
        // given
        HttpRegistries registries = client(TestRegistriesConfig.defaults());

        // when
        RegistryException importing = catchThrowableOfType(RegistryException.class,
                () -> registries.importImage(reference("tls/app:1"), ImportOptions.defaults()));
        RegistryException resolving = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(reference("tls/app:1"), ImportOptions.defaults()));

        // then: a request the tag must change, named for what is wrong, not an internal error
        assertThat(importing.reason()).isEqualTo(Reason.BadRequest);
        assertThat(importing.getMessage()).isEqualTo("the repository " + registry.hostPort() + "/tls/app is served"
                + " with a TLS certificate that cannot be verified (x509: certificate signed by unknown authority)"
                + " and requires the insecure flag to import");
        assertThat(resolving.reason()).isEqualTo(Reason.BadRequest);
        assertThat(resolving.getMessage()).isEqualTo(importing.getMessage());
    }

    @Test
    void theInsecureFlagReadsTheRegistryOverHttpsWithoutVerification() throws Exception {
        // given
        HttpRegistries registries = client(TestRegistriesConfig.defaults());
        PushedIndex list = registry.pusher().pushIndex("tls/multi", "1",
                List.of(ImageSpec.linux("amd64"), ImageSpec.linux("arm64")));

        // when
        ImportedImage imported = registries.importImage(reference("tls/app:1"), INSECURE);
        ResolvedManifest resolved = registries.resolve(reference("tls/app:1"), INSECURE);
        ImportedImage arm = registries.importImage(reference("tls/multi:1"),
                new ImportOptions(true, ImportOptions.LEGACY, "arm64", null, null));
        List<String> tags = registries.listTags(reference("tls/app"), INSECURE);

        // then: over HTTPS (the registry answers plain HTTP with 400)
        assertThat(imported.image().getMetadata().getName()).isEqualTo(pushed.digest());
        assertThat(imported.image().getDockerImageReference()).isEqualTo(registry.hostPort() + "/tls/app@" + pushed.digest());
        assertThat(resolved.digest()).isEqualTo(pushed.digest());
        assertThat(arm.image().getMetadata().getName()).isEqualTo(list.child("linux", "arm64").digest());
        assertThat(tags).containsExactly("1");

        // and an import without the flag is still refused: nothing was downgraded or remembered
        RegistryException strict = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(reference("tls/app:1"), ImportOptions.defaults()));
        assertThat(strict.reason()).isEqualTo(Reason.BadRequest);
    }

    @Test
    void aRegistryConfiguredInsecureIsReadWithoutVerificationWithoutTheFlag() throws Exception {
        // given
        HttpRegistries registries = client(TestRegistriesConfig.defaults().withInsecure(List.of(registry.hostPort())));

        // when
        ImportedImage imported = registries.importImage(reference("tls/app:1"), ImportOptions.defaults());

        // then
        assertThat(imported.image().getMetadata().getName()).isEqualTo(pushed.digest());
    }

    @Test
    void certificateProblemsAreNamedAsGoNamesThem() {
        // given: the JDK's failures as HttpClient reports them (the cause chain under an SSLHandshakeException)
        IOException unknownAuthority = handshake("PKIX path building failed: sun.security.provider.certpath."
                + "SunCertPathBuilderException: unable to find valid certification path to requested target",
                new CertPathBuilderException("unable to find valid certification path to requested target"));
        IOException expired = handshake("PKIX path validation failed", new CertificateExpiredException("NotAfter: …"));
        IOException wrongHost = handshake("No subject alternative names matching IP address 10.0.0.1 found",
                new CertificateException("No subject alternative names matching IP address 10.0.0.1 found"));
        IOException protocol = handshake("Received fatal alert: protocol_version", null);

        // when / then
        assertThat(HttpRegistries.certificateProblem(unknownAuthority)).contains("x509: certificate signed by unknown authority");
        assertThat(HttpRegistries.certificateProblem(expired)).contains("x509: certificate has expired or is not yet valid");
        assertThat(HttpRegistries.certificateProblem(wrongHost)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("x509: certificate is not valid for the registry's host name"));
        assertThat(HttpRegistries.certificateProblem(protocol)).isEmpty();
    }

    private static IOException handshake(String message, Throwable cause) {
        SSLHandshakeException outer = new SSLHandshakeException(message);
        if (cause != null) {
            SSLHandshakeException inner = new SSLHandshakeException(message);
            inner.initCause(cause);
            outer.initCause(inner);
        }
        return outer;
    }
}
