package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ValidationFixtures.DIGEST;
import static io.imagestreams.stream.service.validation.ValidationFixtures.image;
import static io.imagestreams.stream.service.validation.ValidationFixtures.messages;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagestreams.api.image.Image;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImageValidatorTest {

    private final ImageValidator validator = new ImageValidator();

    @Test
    void acceptsAnImportedImage() {
        // when / then
        assertThat(validator.validate(image())).isEmpty();
    }

    @Test
    void usesTopLevelPathsForAClusterScopedImage() {
        // when / then
        assertThat(messages(validator.validate(Image.named(DIGEST))))
                .containsExactly("dockerImageReference: Required value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d | true",
            "sha512+b64.x1:0123456789abcdef0123456789ABCDEF                          | true",
            "prefix sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d! | true",
            "42a:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d     | true",
            "sha256:47463d94eb5c049b2d23b03a9530bf9                                  | false",
            "256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d     | false",
            "sha256-47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d  | false",
            "''                                                                      | false"})
    void findsDigestsAsOpenShiftsUnanchoredPatternDoes(String value, boolean expected) {
        // when / then
        assertThat(ImageValidator.containsDigest(value)).isEqualTo(expected);
    }

    @Test
    void scansHugeDigestsInLinearTime() {
        // given
        String digest = "a".repeat(500_000) + ":" + "f".repeat(31);

        // when / then
        assertThat(ImageValidator.containsDigest(digest)).isFalse();
    }
}
