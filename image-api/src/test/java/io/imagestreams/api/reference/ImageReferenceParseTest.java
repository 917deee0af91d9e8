package io.imagestreams.api.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceParseTest {

    private static final String SHA256 = "sha256:28178e2352d31f240de1af1370be855db33ae9782de737bb005247d8791a54d0";
    private static final String SHA384 = "sha384:" + "0123456789abcdef".repeat(6);
    private static final String SHA512 = "sha512:" + "0123456789abcdef".repeat(8);
    private static final String SHA256_UPPER = "sha256:" + "ABCDEF0123456789".repeat(4);

    static Stream<Arguments> validPullSpecs() {
        return Stream.of(
                // spec, registry, namespace, name, tag, digest
                Arguments.of("ubuntu", "", "", "ubuntu", "", ""),
                Arguments.of("a", "", "", "a", "", ""),
                Arguments.of("ubuntu:16.04", "", "", "ubuntu", "16.04", ""),
                Arguments.of("library/ubuntu", "", "library", "ubuntu", "", ""),
                Arguments.of("docker.io/ubuntu", "docker.io", "", "ubuntu", "", ""),
                Arguments.of("docker.io/library/ubuntu:latest", "docker.io", "library", "ubuntu", "latest", ""),
                Arguments.of("bitnami/apache:2.4", "", "bitnami", "apache", "2.4", ""),
                Arguments.of("quay.io/openshift/origin-cli:4.15", "quay.io", "openshift", "origin-cli", "4.15", ""),
                Arguments.of("registry.example.com/a/b/c:tag", "registry.example.com", "a", "b/c", "tag", ""),
                Arguments.of("a/b/c/d", "", "a", "b/c/d", "", ""),
                Arguments.of("localhost/app", "localhost", "", "app", "", ""),
                Arguments.of("localhost:5000/app:v1", "localhost:5000", "", "app", "v1", ""),
                Arguments.of("172.30.1.1:5000/openshift/php", "172.30.1.1:5000", "openshift", "php", "", ""),
                Arguments.of("example.com:8443/app", "example.com:8443", "", "app", "", ""),
                Arguments.of("Registry.Example.COM/app", "Registry.Example.COM", "", "app", "", ""),
                Arguments.of("my-registry.local/team/app", "my-registry.local", "team", "app", "", ""),
                Arguments.of("[::1]:5000/app", "[::1]:5000", "", "app", "", ""),
                Arguments.of("[fe80::1]/ns/app:1", "[fe80::1]", "ns", "app", "1", ""),
                Arguments.of("foo_bar/baz__qux", "", "foo_bar", "baz__qux", "", ""),
                Arguments.of("a-b---c/d.e", "", "a-b---c", "d.e", "", ""),
                Arguments.of("ns/a1.b2_c3__d4-e5", "", "ns", "a1.b2_c3__d4-e5", "", ""),
                Arguments.of("app:Latest", "", "", "app", "Latest", ""),
                Arguments.of("app:_internal", "", "", "app", "_internal", ""),
                Arguments.of("app:v1.0-rc.1_b", "", "", "app", "v1.0-rc.1_b", ""),
                Arguments.of("app:" + "t".repeat(128), "", "", "app", "t".repeat(128), ""),
                Arguments.of("centos/python-34-centos7@" + SHA256, "", "centos", "python-34-centos7", "", SHA256),
                Arguments.of("docker.io/golang@" + SHA256, "docker.io", "", "golang", "", SHA256),
                Arguments.of("ubuntu:16.04@" + SHA256, "", "", "ubuntu", "16.04", SHA256),
                Arguments.of("image-registry.openshift-image-registry.svc:5000/openshift/php@" + SHA256,
                        "image-registry.openshift-image-registry.svc:5000", "openshift", "php", "", SHA256),
                Arguments.of("app@" + SHA384, "", "", "app", "", SHA384),
                Arguments.of("app@" + SHA512, "", "", "app", "", SHA512),
                Arguments.of("app@" + SHA256_UPPER, "", "", "app", "", SHA256_UPPER),
                Arguments.of("a".repeat(255), "", "", "a".repeat(255), "", ""),
                // a lone component that looks like a host names only a registry, as in library-go
                Arguments.of("docker.io", "docker.io", "", "", "", ""),
                Arguments.of("localhost", "localhost", "", "", "", ""),
                Arguments.of("localhost:5000", "localhost:5000", "", "", "", ""),
                Arguments.of("registry.example.com:443", "registry.example.com:443", "", "", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPullSpecs")
    void splitsAValidPullSpecAsOpenShiftDoes(String spec, String registry, String namespace, String name,
            String tag, String digest) {
        // when
        ImageReference reference = ImageReference.parse(spec);

        // then
        assertThat(reference.registry()).as("registry").isEqualTo(registry);
        assertThat(reference.namespace()).as("namespace").isEqualTo(namespace);
        assertThat(reference.name()).as("name").isEqualTo(name);
        assertThat(reference.tag()).as("tag").isEqualTo(tag);
        assertThat(reference.digest()).as("digest").isEqualTo(digest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validPullSpecs")
    void formatsAValidPullSpecBackAsWritten(String spec) {
        // when
        ImageReference reference = ImageReference.parse(spec);

        // then
        assertThat(reference.exact()).isEqualTo(spec);
        assertThat(reference).hasToString(spec);
        assertThat(ImageReference.parse(reference.exact())).isEqualTo(reference);
    }
}
