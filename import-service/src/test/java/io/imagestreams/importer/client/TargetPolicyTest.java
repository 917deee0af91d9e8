package io.imagestreams.importer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.RegistryException.Reason;
import io.imagestreams.testsupport.registry.RecordingProxy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refused import targets fail with {@code Forbidden} before any lookup of a literal address or any connection. */
class TargetPolicyTest {

    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final HostResolver recordingResolver = host -> {
        lookups.add(host);
        if (host.equals("metadata.example.com")) {
            return new InetAddress[] {InetAddress.getByName("169.254.169.254")};
        }
        throw new UnknownHostException(host);
    };
    private CountingTransport transport;

    @BeforeEach
    void newTransport() {
        transport = new CountingTransport(new JdkRegistryTransport(Duration.ofSeconds(2)));
    }

    private HttpRegistries client(TestRegistriesConfig config) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        return new HttpRegistries(config, new RegistryBudgets(clock), new SimpleMeterRegistry(), clock,
                recordingResolver, transport);
    }

    private RegistryException refusal(HttpRegistries registries, String pullSpec) {
        return catchThrowableOfType(RegistryException.class, () -> registries.resolve(ImageReference.parse(pullSpec),
                new ImportOptions(true, ImportOptions.LEGACY, null, null, null)));
    }

    @Test
    void theCloudMetadataAddressIsRefusedWithoutTraffic() {
        // when
        RegistryException error = refusal(client(TestRegistriesConfig.defaults()), "169.254.169.254/latest/meta:data");

        // then
        assertThat(error.reason()).isEqualTo(Reason.Forbidden);
        assertThat(error.getMessage()).startsWith("forbidden: registry 169.254.169.254 blocked (")
                .contains("169.254.169.254/32, cloud metadata address");
        assertThat(transport.requests()).isEmpty();
        assertThat(lookups).isEmpty();
    }

    @Test
    void linkLocalUnspecifiedAndMulticastAddressesAreRefused() {
        // given
        HttpRegistries registries = client(TestRegistriesConfig.defaults());

        // when / then
        assertThat(refusal(registries, "[fe80::1]:5000/app/x:1").getMessage())
                .startsWith("forbidden: registry [fe80::1]:5000 blocked (").contains("link-local");
        assertThat(refusal(registries, "[fd00:ec2::254]/app/x:1").getMessage()).contains("cloud metadata address");
        assertThat(refusal(registries, "0.0.0.0:5000/app/x:1").getMessage())
                .startsWith("forbidden: registry 0.0.0.0:5000 blocked (").contains("unspecified address");
        assertThat(refusal(registries, "[::]:5000/app/x:1").reason()).isEqualTo(Reason.Forbidden);
        assertThat(refusal(registries, "224.0.0.1:5000/app/x:1").getMessage()).contains("multicast");
        assertThat(transport.requests()).isEmpty();
        assertThat(lookups).isEmpty();
    }

    @Test
    void aNameResolvingToARefusedAddressIsRefused() {
        // when
        RegistryException error = refusal(client(TestRegistriesConfig.defaults()), "metadata.example.com/app/x:1");

        // then
        assertThat(error.reason()).isEqualTo(Reason.Forbidden);
        assertThat(error.getMessage()).startsWith("forbidden: registry metadata.example.com blocked (169.254.169.254 is in");
        assertThat(lookups).containsExactly("metadata.example.com");
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void aBlockedRangeIsRefusedBeforeAnyConnection() throws Exception {
        // given a registry port on 127.0.0.2 that must never see a connection
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            listener.configureBlocking(false);
            int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
            HttpRegistries registries = client(TestRegistriesConfig.defaults().withBlockedCidrs(List.of("127.0.0.2/32")));

            // when
            RegistryException error = refusal(registries, "127.0.0.2:" + port + "/app/x:1");

            // then
            assertThat(error.reason()).isEqualTo(Reason.Forbidden);
            assertThat(error.getMessage()).isEqualTo("forbidden: registry 127.0.0.2:" + port
                    + " blocked (127.0.0.2 is in 127.0.0.2/32, imagestreams.registries.blocked-cidrs)");
            assertThat(listener.accept()).as("a connection reached the refused registry").isNull();
            assertThat(transport.requests()).isEmpty();
        }
    }

    @Test
    void aHostOutsideTheAllowedPatternsIsRefused() {
        // given
        HttpRegistries registries = client(TestRegistriesConfig.defaults().withAllowed(List.of("*.example.com", "quay.io")));

        // when
        RegistryException error = refusal(registries, "127.0.0.1:5000/app/x:1");

        // then
        assertThat(error.reason()).isEqualTo(Reason.Forbidden);
        assertThat(error.getMessage())
                .isEqualTo("forbidden: registry 127.0.0.1:5000 blocked (not in imagestreams.registries.allowed)");
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void aTokenRealmAtARefusedAddressIsNeverCalled() {
        // given a registry whose bearer challenge sends clients to the metadata address
        try (RecordingProxy registry = RecordingProxy.start(java.net.URI.create("http://127.0.0.1:9"))) {
            registry.answerNext(-1, RecordingProxy.ProxiedResponse.of(401, Map.of("WWW-Authenticate",
                    "Bearer realm=\"http://169.254.169.254/latest/api/token\",service=\"evil\""), new byte[0]));
            HttpRegistries registries = client(TestRegistriesConfig.defaults());

            // when
            RegistryException error = refusal(registries, registry.hostPort() + "/app/x:1");

            // then
            assertThat(error.reason()).isEqualTo(Reason.Forbidden);
            assertThat(error.getMessage()).startsWith("forbidden: registry 169.254.169.254 blocked (");
            assertThat(transport.requests()).noneMatch(request -> request.contains("169.254.169.254"));
            assertThat(registry.requests()).hasSize(1);
        }
    }

    @Test
    void theMostSpecificRangeDecides() {
        // given link-local allowed as a whole, the metadata address still refused
        TargetPolicy policy = new TargetPolicy(List.of(), List.of(), List.of("169.254.0.0/16"), recordingResolver);

        // when / then
        assertThatCode(() -> policy.checkRegistry("169.254.10.1:5000", HostPort.parse("169.254.10.1:5000"), "r"))
                .doesNotThrowAnyException();
        assertThat(catchThrowableOfType(RegistryException.class,
                () -> policy.checkRegistry("169.254.169.254", HostPort.parse("169.254.169.254"), "r")).reason())
                .isEqualTo(Reason.Forbidden);
        TargetPolicy metadataAllowed = new TargetPolicy(List.of(), List.of(), List.of("169.254.169.254/32"),
                recordingResolver);
        assertThatCode(() -> metadataAllowed.checkRegistry("169.254.169.254", HostPort.parse("169.254.169.254"), "r"))
                .doesNotThrowAnyException();
    }

    @Test
    void hostPatternsMatchSubdomainsAndPorts() {
        // given
        List<String> patterns = List.of("*.example.com", "registry.local:5000");

        // when / then
        assertThat(TargetPolicy.matchesAny(patterns, HostPort.parse("a.b.example.com"))).isTrue();
        assertThat(TargetPolicy.matchesAny(patterns, HostPort.parse("example.com"))).isFalse();
        assertThat(TargetPolicy.matchesAny(patterns, HostPort.parse("evilexample.com"))).isFalse();
        assertThat(TargetPolicy.matchesAny(patterns, HostPort.parse("registry.local:5000"))).isTrue();
        assertThat(TargetPolicy.matchesAny(patterns, HostPort.parse("registry.local:5001"))).isFalse();
        assertThat(TargetPolicy.matchesAny(List.of("127.0.0.1"), HostPort.parse("127.0.0.1:5000"))).isTrue();
    }
}
