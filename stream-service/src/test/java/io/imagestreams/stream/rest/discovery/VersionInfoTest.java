package io.imagestreams.stream.rest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.SimpleDateFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionInfoTest {

    @Test
    void reportsAKubernetesVersionKubectlAccepts() throws Exception {
        // when
        VersionInfo version = VersionInfo.current();

        // then: DESIGN §3 asks for v1.27 to v1.33; major and minor agree with it
        assertThat(version.gitVersion()).matches("v1\\.(2[7-9]|3[0-3])\\.\\d+");
        assertThat("v" + version.major() + "." + version.minor() + ".").isEqualTo(
                version.gitVersion().substring(0, version.gitVersion().lastIndexOf('.') + 1));
        // fabric8's VersionInfo parses the build date with this pattern
        assertThat(new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'").parse(version.buildDate())).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"Linux, amd64, linux/amd64", "Linux, aarch64, linux/arm64", "Mac OS X, x86_64, darwin/amd64",
        "Windows 11, amd64, windows/amd64", "Linux, s390x, linux/s390x"})
    void namesThePlatformAsGoDoes(String osName, String osArch, String expected) {
        assertThat(VersionInfo.platform(osName, osArch)).isEqualTo(expected);
    }
}
