package io.imagestreams.importer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.ImportOptions.BasicCredentials;
import io.imagestreams.importer.client.ImportOptions.CredentialLookup;
import io.imagestreams.importer.client.RegistryException.Reason;
import io.imagestreams.testsupport.registry.DockerRegistryServer;
import io.imagestreams.testsupport.registry.ImageSpec;
import io.imagestreams.testsupport.registry.PushedImage;
import io.imagestreams.testsupport.registry.RecordingProxy;
import io.imagestreams.testsupport.registry.RecordingProxy.RecordedRequest;
import io.imagestreams.testsupport.registry.RegistryPusher;
import io.imagestreams.testsupport.registry.TokenServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpRegistries} against real registries with htpasswd (basic) and token auth. */
class HttpRegistriesAuthTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret";
    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(300);

    private static DockerRegistryServer basicRegistry;
    private static TokenServer tokenServer;
    private static DockerRegistryServer tokenRegistry;
    private static RecordingProxy tokenProxy;
    private static PushedImage basicImage;
    private static PushedImage publicImage;
    private static PushedImage privateImage;

    private MutableClock clock;
    private HttpRegistries registries;

    @BeforeAll
    static void startRegistries() {
        basicRegistry = DockerRegistryServer.builder().basicAuth(Map.of(USER, PASSWORD)).start();
        basicImage = new RegistryPusher(basicRegistry.url(), USER, PASSWORD).push("team/app", "1", ImageSpec.linux("amd64"));

        tokenServer = TokenServer.builder()
                .user(USER, PASSWORD)
                .grant("public/*", TokenServer.ANYONE, "pull")
                .grant("public/*", USER, "pull", "push")
                .grant("private/*", USER, "pull", "push")
                .expiresIn(TOKEN_LIFETIME)
                .start();
        tokenRegistry = DockerRegistryServer.builder().tokenAuth(tokenServer).start();
        tokenProxy = RecordingProxy.start(tokenRegistry.url());
        RegistryPusher pusher = new RegistryPusher(tokenRegistry.url(), USER, PASSWORD);
        publicImage = pusher.push("public/app", "1", ImageSpec.linux("amd64"));
        privateImage = pusher.push("private/app", "1", ImageSpec.linux("amd64"));
    }

    @AfterAll
    static void stopRegistries() {
        tokenProxy.close();
        tokenRegistry.close();
        tokenServer.close();
        basicRegistry.close();
    }

    @BeforeEach
    void newClient() {
        clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        registries = new HttpRegistries(TestRegistriesConfig.defaults(), new RegistryBudgets(clock),
                new SimpleMeterRegistry(), clock, HostResolver.SYSTEM, new JdkRegistryTransport(Duration.ofSeconds(5)));
        tokenProxy.clearRequests();
        tokenServer.clearRequests();
    }

    private static ImportOptions insecure(String registry, String user, String password) {
        CredentialLookup credentials = host -> host.equals(registry)
                ? Optional.of(new BasicCredentials(user, password)) : Optional.empty();
        return new ImportOptions(true, ImportOptions.LEGACY, null, null, credentials);
    }

    private static ImportOptions anonymous() {
        return new ImportOptions(true, ImportOptions.LEGACY, null, null, null);
    }

    @Test
    void basicAuthImportsWithTheRightCredentials() throws Exception {
        // when
        ImportedImage imported = registries.importImage(
                ImageReference.parse(basicRegistry.hostPort() + "/team/app:1"),
                insecure(basicRegistry.hostPort(), USER, PASSWORD));

        // then
        assertThat(imported.image().getMetadata().getName()).isEqualTo(basicImage.digest());
    }

    @Test
    void basicAuthWithoutCredentialsIsUnauthorized() {
        // given
        ImageReference reference = ImageReference.parse(basicRegistry.hostPort() + "/team/app:1");

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(reference, anonymous()));

        // then
        assertThat(error.reason()).isEqualTo(Reason.Unauthorized);
        assertThat(error.getMessage()).isEqualTo("you may not have access to the container image \"" + reference + "\"");
    }

    @Test
    void basicAuthWithAWrongPasswordSaysSo() {
        // given
        ImageReference reference = ImageReference.parse(basicRegistry.hostPort() + "/team/app:1");

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(reference, insecure(basicRegistry.hostPort(), USER, "wrong")));

        // then
        assertThat(error.reason()).isEqualTo(Reason.Unauthorized);
        assertThat(error.getMessage()).isEqualTo("incorrect username or password for image \"" + reference + "\"");
    }

    @Test
    void tokenAuthPullsAPublicRepositoryAnonymously() throws Exception {
        // when
        ImportedImage imported = registries.importImage(
                ImageReference.parse(tokenRegistry.hostPort() + "/public/app:1"), anonymous());

        // then
        assertThat(imported.image().getMetadata().getName()).isEqualTo(publicImage.digest());
        assertThat(tokenServer.requests()).extracting(TokenServer.TokenRequest::user).containsOnly("");
    }

    @Test
    void tokenAuthPullsAPrivateRepositoryWithCredentials() throws Exception {
        // when
        ImportedImage imported = registries.importImage(
                ImageReference.parse(tokenRegistry.hostPort() + "/private/app:1"),
                insecure(tokenRegistry.hostPort(), USER, PASSWORD));

        // then
        assertThat(imported.image().getMetadata().getName()).isEqualTo(privateImage.digest());
        assertThat(tokenServer.requests()).extracting(TokenServer.TokenRequest::user).containsOnly(USER);
    }

    @Test
    void whatEachRegistryAskedForAndHowLongItsTokensLastAreRemembered() throws Exception {
        // given: nothing learned yet
        assertThat(registries.auth(tokenRegistry.hostPort())).isEmpty();

        // when
        registries.resolve(ImageReference.parse(tokenRegistry.hostPort() + "/public/app:1"), anonymous());
        registries.resolve(ImageReference.parse(basicRegistry.hostPort() + "/team/app:1"),
                insecure(basicRegistry.hostPort(), USER, PASSWORD));

        // then
        assertThat(registries.auth(tokenRegistry.hostPort())).contains(new RegistryAuth(tokenRegistry.hostPort(),
                RegistryAuth.Scheme.BEARER, tokenServer.realm().getRawAuthority(), TOKEN_LIFETIME));
        assertThat(registries.auth(basicRegistry.hostPort())).contains(new RegistryAuth(basicRegistry.hostPort(),
                RegistryAuth.Scheme.BASIC, null, null));
    }

    @Test
    void tokenAuthRefusesAPrivateRepositoryWithoutCredentials() {
        // given
        ImageReference reference = ImageReference.parse(tokenRegistry.hostPort() + "/private/app:1");

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(reference, anonymous()));

        // then
        assertThat(error.reason()).isEqualTo(Reason.Unauthorized);
        assertThat(error.getMessage()).isEqualTo("you may not have access to the container image \"" + reference + "\"");
    }

    @Test
    void rejectedCredentialsAreRetriedAnonymously() throws Exception {
        // given
        ImportOptions wrongPassword = insecure(tokenRegistry.hostPort(), USER, "wrong");

        // when a public repository is asked for with a wrong password
        ResolvedManifest resolved = registries.resolve(
                ImageReference.parse(tokenRegistry.hostPort() + "/public/app:1"), wrongPassword);

        // then it is pulled anonymously
        assertThat(resolved.digest()).isEqualTo(publicImage.digest());
        assertThat(tokenServer.requests()).extracting(TokenServer.TokenRequest::status).containsExactly(401, 200);

        // when a private one is
        ImageReference privateReference = ImageReference.parse(tokenRegistry.hostPort() + "/private/app:1");
        RegistryException error = catchThrowableOfType(RegistryException.class,
                () -> registries.resolve(privateReference, wrongPassword));

        // then the credentials are blamed
        assertThat(error.reason()).isEqualTo(Reason.Unauthorized);
        assertThat(error.getMessage()).isEqualTo("incorrect username or password for image \"" + privateReference + "\"");
    }

    @Test
    void aCachedTokenMakesTheNextCheckOneHead() throws Exception {
        // given
        ImageReference reference = ImageReference.parse(tokenProxy.hostPort() + "/private/app:1");
        ImportOptions credentials = insecure(tokenProxy.hostPort(), USER, PASSWORD);
        registries.resolve(reference, credentials);
        tokenProxy.clearRequests();
        tokenServer.clearRequests();

        // when
        ResolvedManifest resolved = registries.resolve(reference, credentials);

        // then
        assertThat(resolved.digest()).isEqualTo(privateImage.digest());
        assertThat(tokenProxy.requests()).extracting(RecordedRequest::method, RecordedRequest::path, RecordedRequest::status)
                .containsExactly(tuple("HEAD", "/v2/private/app/manifests/1", 200));
        assertThat(tokenServer.requests()).isEmpty();

        // when the token has expired
        clock.advance(TOKEN_LIFETIME);
        tokenProxy.clearRequests();
        registries.resolve(reference, credentials);

        // then a new one is fetched before the request, which still goes out once
        assertThat(tokenServer.requests()).hasSize(1);
        assertThat(tokenProxy.requests()).extracting(RecordedRequest::method, RecordedRequest::status)
                .containsExactly(tuple("HEAD", 200));
    }
}
