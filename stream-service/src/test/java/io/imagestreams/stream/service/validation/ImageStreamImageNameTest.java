package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ValidationFixtures.DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.api.meta.StatusException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageStreamImageNameTest {

    @Test
    void splitsStreamAndImageId() {
        // when
        ImageStreamImageName name = ImageStreamImageName.parse("origin-ruby-sample@" + DIGEST);

        // then
        assertThat(name).isEqualTo(new ImageStreamImageName("origin-ruby-sample", DIGEST));
        assertThat(name).hasToString("origin-ruby-sample@" + DIGEST);
    }

    @Test
    void keepsAShortIdForPrefixLookup() {
        // when / then
        assertThat(ImageStreamImageName.parse("ruby@4746").id()).isEqualTo("4746");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ruby", "ruby@", "@sha256:abc", "ruby@a@b", ""})
    void answersBadRequestForAnyOtherForm(String name) {
        // when / then
        assertThatThrownBy(() -> ImageStreamImageName.parse(name))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("ImageStreamImages must be retrieved with <name>@<id>");
                });
    }
}
