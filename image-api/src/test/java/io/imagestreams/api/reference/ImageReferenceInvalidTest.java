package io.imagestreams.api.reference;

import static io.imagestreams.api.reference.InvalidImageReferenceException.Reason.DIGEST_INVALID_LENGTH;
import static io.imagestreams.api.reference.InvalidImageReferenceException.Reason.DIGEST_UNSUPPORTED;
import static io.imagestreams.api.reference.InvalidImageReferenceException.Reason.INVALID_FORMAT;
import static io.imagestreams.api.reference.InvalidImageReferenceException.Reason.NAME_CONTAINS_UPPERCASE;
import static io.imagestreams.api.reference.InvalidImageReferenceException.Reason.NAME_EMPTY;
import static io.imagestreams.api.reference.InvalidImageReferenceException.Reason.NAME_TOO_LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.imagestreams.api.reference.InvalidImageReferenceException.Reason;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageReferenceInvalidTest {

    private static final String HEX64 = "0123456789abcdef".repeat(4);

    static Stream<Arguments> invalidPullSpecs() {
        return Stream.of(
                // spec, reason, part of the message that names the problem
                Arguments.of("", NAME_EMPTY, "empty"),
                Arguments.of("Ubuntu", NAME_CONTAINS_UPPERCASE, "\"Ubuntu\""),
                Arguments.of("library/Ubuntu:latest", NAME_CONTAINS_UPPERCASE, "library/Ubuntu"),
                Arguments.of("UPPER:tag", NAME_CONTAINS_UPPERCASE, "UPPER"),
                Arguments.of("ubuntu:", INVALID_FORMAT, "\":\" is not followed by a tag"),
                Arguments.of("ubuntu@", INVALID_FORMAT, "\"@\" is not followed by a digest"),
                Arguments.of("@sha256:" + HEX64, INVALID_FORMAT, "the repository name is empty"),
                Arguments.of(":latest", INVALID_FORMAT, "the repository name is empty"),
                Arguments.of("ubuntu@sha256:abc", INVALID_FORMAT, "digest \"sha256:abc\""),
                Arguments.of("ubuntu@sha256:" + "g".repeat(64), INVALID_FORMAT, "at least 32 hex digits"),
                Arguments.of("ubuntu@sha256", INVALID_FORMAT, "digest \"sha256\""),
                Arguments.of("ubuntu@sha256:" + HEX64.substring(1), DIGEST_INVALID_LENGTH, "needs 64 hex digits"),
                Arguments.of("ubuntu@sha256:" + HEX64 + "0", DIGEST_INVALID_LENGTH, "has 65"),
                Arguments.of("ubuntu@sha512:" + HEX64, DIGEST_INVALID_LENGTH, "sha512 needs 128"),
                Arguments.of("ubuntu@md5:" + HEX64.substring(32), DIGEST_UNSUPPORTED, "\"md5\""),
                Arguments.of("ubuntu@SHA256:" + HEX64, DIGEST_UNSUPPORTED, "\"SHA256\""),
                Arguments.of("quay.io/app@sha256:" + HEX64 + "@x", INVALID_FORMAT, "digest"),
                Arguments.of("ubuntu:-tag", INVALID_FORMAT, "tag \"-tag\""),
                Arguments.of("ubuntu:.tag", INVALID_FORMAT, "tag \".tag\""),
                Arguments.of("ubuntu:ta g", INVALID_FORMAT, "tag \"ta g\""),
                Arguments.of("ubuntu:tag!", INVALID_FORMAT, "tag \"tag!\""),
                Arguments.of("ubuntu:" + "t".repeat(129), INVALID_FORMAT, "1 to 128"),
                Arguments.of("ubuntu:1:2", INVALID_FORMAT, "path component \"ubuntu:1\""),
                Arguments.of("a".repeat(256), NAME_TOO_LONG, "has 256"),
                Arguments.of("quay.io/" + "n".repeat(248), NAME_TOO_LONG, "has 256"),
                Arguments.of("-ubuntu", INVALID_FORMAT, "path component \"-ubuntu\""),
                Arguments.of("ubuntu-", INVALID_FORMAT, "path component \"ubuntu-\""),
                Arguments.of("_ubuntu", INVALID_FORMAT, "path component \"_ubuntu\""),
                Arguments.of("ubuntu.", INVALID_FORMAT, "path component \"ubuntu.\""),
                Arguments.of("ns/.app", INVALID_FORMAT, "path component \".app\""),
                Arguments.of("ns/ub..untu", INVALID_FORMAT, "path component \"ub..untu\""),
                Arguments.of("ns/ub___untu", INVALID_FORMAT, "path component \"ub___untu\""),
                Arguments.of("ns/a-_b", INVALID_FORMAT, "path component \"a-_b\""),
                Arguments.of("ns/a._b", INVALID_FORMAT, "path component \"a._b\""),
                Arguments.of("http://registry.example.com/app", INVALID_FORMAT, "URL scheme (\"http://\")"),
                Arguments.of("https://quay.io/app:1", INVALID_FORMAT, "URL scheme (\"https://\")"),
                Arguments.of("ubu ntu", INVALID_FORMAT, "path component \"ubu ntu\""),
                Arguments.of(" ubuntu", INVALID_FORMAT, "path component \" ubuntu\""),
                Arguments.of("ubuntu ", INVALID_FORMAT, "path component \"ubuntu \""),
                Arguments.of("quay.io//app", INVALID_FORMAT, "empty path component"),
                Arguments.of("/ubuntu", INVALID_FORMAT, "empty path component"),
                Arguments.of("ubuntu/", INVALID_FORMAT, "empty path component"),
                Arguments.of("registry:port/app", INVALID_FORMAT, "registry \"registry:port\""),
                Arguments.of("-bad.example.com/app", INVALID_FORMAT, "registry \"-bad.example.com\""),
                Arguments.of("bad..example.com/app", INVALID_FORMAT, "registry \"bad..example.com\""),
                Arguments.of("[::1/app", INVALID_FORMAT, "registry \"[::1\""),
                Arguments.of("[zz::1]/app", INVALID_FORMAT, "registry \"[zz::1]\""),
                Arguments.of("[::1]x/app", INVALID_FORMAT, "registry \"[::1]x\""),
                Arguments.of("[]/app", INVALID_FORMAT, "registry \"[]\""),
                Arguments.of("ubuntu:latest/x", INVALID_FORMAT, "registry \"ubuntu:latest\""),
                Arguments.of("ns/app#1", INVALID_FORMAT, "path component \"app#1\""),
                Arguments.of("ns/äpp", INVALID_FORMAT, "path component \"äpp\""));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @MethodSource("invalidPullSpecs")
    void rejectsAnInvalidPullSpecWithOpenShiftsReasonAndSaysWhatIsWrong(String spec, Reason reason, String detail) {
        // when
        InvalidImageReferenceException error =
                catchThrowableOfType(InvalidImageReferenceException.class, () -> ImageReference.parse(spec));

        // then
        assertThat(error).as("parsing %s", spec).isNotNull();
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.reference()).isEqualTo(spec);
        assertThat(error.getMessage()).startsWith(reason.text() + ": ").contains(detail);
        assertThat(ImageReference.tryParse(spec)).isEmpty();
    }

    @Test
    void aNullPullSpecIsEmpty() {
        // when / then
        assertThatThrownBy(() -> ImageReference.parse(null))
                .isInstanceOfSatisfying(InvalidImageReferenceException.class,
                        error -> assertThat(error.reason()).isEqualTo(NAME_EMPTY))
                .hasMessage("repository name must have at least one component: the pull spec is empty");
    }

    @Test
    void reasonsCarryLibraryGosExactWording() {
        // when / then
        assertThat(Reason.INVALID_FORMAT.text()).isEqualTo("invalid reference format");
        assertThat(Reason.NAME_CONTAINS_UPPERCASE.text()).isEqualTo("repository name must be lowercase");
        assertThat(Reason.NAME_TOO_LONG.text()).isEqualTo("repository name must not be more than 255 characters");
        assertThat(Reason.TAG_INVALID_FORMAT.text()).isEqualTo("invalid tag format");
        assertThat(Reason.DIGEST_INVALID_FORMAT.text()).isEqualTo("invalid digest format");
        assertThat(Reason.DIGEST_INVALID_LENGTH.text()).isEqualTo("invalid checksum digest length");
        assertThat(Reason.DIGEST_UNSUPPORTED.text()).isEqualTo("unsupported digest algorithm");
    }

    @Test
    void failsFastOnLongInputsThatAlmostMatch() {
        // given inputs that make a naive backtracking regular expression run for ages
        String alnumThenBang = "a".repeat(50_000) + "!";
        String dashes = "a-".repeat(20_000) + "-!";

        // when / then
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(ImageReference.tryParse(alnumThenBang)).isEmpty();
            assertThat(ImageReference.tryParse("ns/" + dashes)).isEmpty();
        });
    }
}
