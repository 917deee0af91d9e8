package io.imagestreams.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void freePortsPass() {
        assertThatCode(() -> PortCheck.requireFree(configOnFreePorts(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void aBusyPortIsNamedWithTheComponentThatWantedItAndTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            SuiteConfig config = configOnFreePorts(Map.of(SuitePort.KAFKA_CONTROLLER, port));

            assertThatThrownBy(() -> PortCheck.requireFree(config))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("nothing was started")
                    .hasMessageContaining("port " + port + " (for kafka controller) is already in use")
                    .hasMessageContaining("IMAGESTREAMS_KAFKA_CONTROLLER_PORT");
        }
    }

    @Test
    void aBusyRegistryPortIsNamedLikeAnyOtherWhenTheRegistryRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            SuiteConfig config = configOnFreePorts(Map.of(SuitePort.REGISTRY, port), Optional.of(Path.of("/usr/bin/docker-registry")));

            assertThatThrownBy(() -> PortCheck.requireFree(config))
                    .isInstanceOf(LaunchException.class)
                    .hasMessageContaining("nothing was started")
                    .hasMessageContaining("port " + port + " (for registry) is already in use")
                    .hasMessageContaining("IMAGESTREAMS_REGISTRY_PORT");
        }
    }

    @Test
    void theRegistryPortDoesNotMatterWhereDockerRegistryIsMissing() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SuiteConfig config = configOnFreePorts(Map.of(SuitePort.REGISTRY, taken.getLocalPort()), Optional.empty());

            assertThatCode(() -> PortCheck.requireFree(config)).doesNotThrowAnyException();
        }
    }

    /** Every port from {@link FreePorts}, except the ones given. */
    static SuiteConfig configOnFreePorts(Map<SuitePort, Integer> fixed) {
        return configOnFreePorts(fixed, Optional.empty());
    }

    static SuiteConfig configOnFreePorts(Map<SuitePort, Integer> fixed, Optional<Path> registryBinary) {
        Map<String, String> environment = new HashMap<>();
        for (SuitePort port : SuitePort.values()) {
            int number = fixed.containsKey(port) ? fixed.get(port) : FreePorts.next();
            environment.put(port.environmentVariable(), Integer.toString(number));
        }
        return SuiteConfig.from(environment, Path.of("."), registryBinary);
    }
}
