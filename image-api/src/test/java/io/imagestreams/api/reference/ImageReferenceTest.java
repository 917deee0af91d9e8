package io.imagestreams.api.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.api.reference.InvalidImageReferenceException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    private static final String DIGEST = "sha256:1ff68d2e3445091561a258c94c33d73655c44f90fa408a91eeb74f496268f402";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ubuntu, docker.io/library/ubuntu:latest",
            "ubuntu:22.04, docker.io/library/ubuntu:22.04",
            "library/ubuntu, docker.io/library/ubuntu:latest",
            "index.docker.io/ubuntu, index.docker.io/library/ubuntu:latest",
            "bitnami/apache:2.4, docker.io/bitnami/apache:2.4",
            "quay.io/ns/app, quay.io/ns/app:latest",
            "localhost:5000/app, localhost:5000/app:latest",
            "ubuntu@" + DIGEST + ", docker.io/library/ubuntu@" + DIGEST
    })
    void dockerClientDefaultsFillInDockerHubLibraryAndLatest(String spec, String expected) {
        // when
        ImageReference defaulted = ImageReference.parse(spec).dockerClientDefaults();

        // then
        assertThat(defaulted.exact()).isEqualTo(expected);
    }

    @Test
    void repositoryDropsTagAndDigest() {
        // given
        ImageReference reference = ImageReference.parse("quay.io/ns/app/sub:1.0@" + DIGEST);

        // when / then
        assertThat(reference.repository()).isEqualTo("quay.io/ns/app/sub");
        assertThat(reference.repositoryName()).isEqualTo("ns/app/sub");
        assertThat(reference.asRepository()).isEqualTo(ImageReference.parse("quay.io/ns/app/sub"));
        assertThat(ImageReference.parse("ubuntu:1").repositoryName()).isEqualTo("ubuntu");
    }

    @Test
    void mostSpecificPrefersTheDigestOverTheTag() {
        // when / then
        assertThat(ImageReference.parse("docker.io/centos/php-71-centos7:latest@" + DIGEST).mostSpecific().exact())
                .isEqualTo("docker.io/centos/php-71-centos7@" + DIGEST);
        assertThat(ImageReference.parse("docker.io/centos/php-71-centos7:latest").mostSpecific().exact())
                .isEqualTo("docker.io/centos/php-71-centos7:latest");
    }

    @Test
    void withDigestBuildsThePullSpecAnImportRecords() {
        // given
        ImageReference source = ImageReference.parse("bitnami/apache:2.4");

        // when
        String pullSpec = source.withDigest(DIGEST).mostSpecific().exact();

        // then
        assertThat(pullSpec).isEqualTo("bitnami/apache@" + DIGEST);
        assertThat(source.hasDigest()).isFalse();
    }

    @Test
    void withTagReplacesTheTagAndKeepsTheRest() {
        // when
        ImageReference reference = ImageReference.parse("quay.io/ns/app:1.0").withTag("2.0");

        // then
        assertThat(reference.exact()).isEqualTo("quay.io/ns/app:2.0");
        assertThat(reference.hasTag()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-x", "a b", "x!"})
    void withTagRejectsAnInvalidTag(String tag) {
        // when / then
        assertThatThrownBy(() -> ImageReference.parse("app").withTag(tag))
                .isInstanceOfSatisfying(InvalidImageReferenceException.class,
                        error -> assertThat(error.reason()).isEqualTo(Reason.TAG_INVALID_FORMAT))
                .hasMessageContaining("invalid tag format");
    }

    @Test
    void withDigestRejectsAnInvalidOrUnsupportedDigest() {
        // when / then
        assertThatThrownBy(() -> ImageReference.parse("app").withDigest("sha256:abc"))
                .isInstanceOfSatisfying(InvalidImageReferenceException.class,
                        error -> assertThat(error.reason()).isEqualTo(Reason.DIGEST_INVALID_FORMAT));
        assertThatThrownBy(() -> ImageReference.parse("app").withDigest("md5:" + "0".repeat(32)))
                .isInstanceOfSatisfying(InvalidImageReferenceException.class,
                        error -> assertThat(error.reason()).isEqualTo(Reason.DIGEST_UNSUPPORTED));
        assertThatThrownBy(() -> ImageReference.parse("app").withDigest(null))
                .isInstanceOf(InvalidImageReferenceException.class);
    }

    @Test
    void withRegistryMovesTheImageToAMirror() {
        // when / then
        assertThat(ImageReference.parse("ubuntu:22.04").withRegistry("mirror.example.com:5000").exact())
                .isEqualTo("mirror.example.com:5000/ubuntu:22.04");
        assertThat(ImageReference.parse("quay.io/ns/app").withRegistry("").exact()).isEqualTo("ns/app");
        assertThatThrownBy(() -> ImageReference.parse("ubuntu").withRegistry("bad host"))
                .isInstanceOf(InvalidImageReferenceException.class)
                .hasMessageContaining("\"bad host\"");
    }

    @ParameterizedTest
    @CsvSource({
            "ubuntu, true",
            "docker.io/library/ubuntu, true",
            "index.docker.io/library/ubuntu, true",
            "registry-1.docker.io/library/ubuntu, true",
            "quay.io/ns/app, false",
            "localhost/app, false"
    })
    void knowsDockerHubUnderAllItsNames(String spec, boolean dockerHub) {
        // when / then
        assertThat(ImageReference.parse(spec).isDockerHub()).isEqualTo(dockerHub);
    }

    @Test
    void equivalenceAppliesClientDefaultsAndDockerHubAliases() {
        // given
        ImageReference shortName = ImageReference.parse("ubuntu");

        // when / then
        assertThat(shortName.isEquivalentTo(ImageReference.parse("docker.io/library/ubuntu:latest"))).isTrue();
        assertThat(shortName.isEquivalentTo(ImageReference.parse("index.docker.io/library/ubuntu:latest"))).isTrue();
        assertThat(shortName.isEquivalentTo(ImageReference.parse("ubuntu:22.04"))).isFalse();
        assertThat(shortName.isEquivalentTo(ImageReference.parse("quay.io/library/ubuntu"))).isFalse();
    }

    @Test
    void equalityIsByPartsAsWritten() {
        // when / then
        assertThat(ImageReference.parse("quay.io/ns/app:1"))
                .isEqualTo(ImageReference.parse("quay.io/ns/app:1"))
                .hasSameHashCodeAs(ImageReference.parse("quay.io/ns/app:1"))
                .isNotEqualTo(ImageReference.parse("quay.io/ns/app:2"));
        assertThat(ImageReference.parse("ubuntu")).isNotEqualTo(ImageReference.parse("docker.io/library/ubuntu"));
    }

    @Test
    void validatesTagsAndDigestsOnTheirOwn() {
        // when / then
        assertThat(ImageReference.isValidTag("v1.0_rc-2")).isTrue();
        assertThat(ImageReference.isValidTag(".hidden")).isFalse();
        assertThat(ImageReference.isValidTag(null)).isFalse();
        assertThat(ImageReference.isValidDigest(DIGEST)).isTrue();
        assertThat(ImageReference.isValidDigest("sha256:" + "0".repeat(63))).isFalse();
        assertThat(ImageReference.isValidDigest("sha1:" + "0".repeat(40))).isFalse();
        assertThat(ImageReference.isValidDigest(null)).isFalse();
    }
}
