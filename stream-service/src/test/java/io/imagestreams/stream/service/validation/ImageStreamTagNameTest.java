package io.imagestreams.stream.service.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.api.meta.StatusException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageStreamTagNameTest {

    @Test
    void splitsStreamAndTag() {
        // when
        ImageStreamTagName name = ImageStreamTagName.parse("php:7.1");

        // then
        assertThat(name).isEqualTo(new ImageStreamTagName("php", "7.1"));
        assertThat(name).hasToString("php:7.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"php", "php:", ":7.1", "php:7.1:x", "php@sha256:abc", "php:7.1@sha256:abc", ""})
    void answersBadRequestForAnyOtherForm(String name) {
        // when / then
        assertThatThrownBy(() -> ImageStreamTagName.parse(name))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.status().getReason()).isEqualTo("BadRequest");
                    assertThat(e.getMessage()).isEqualTo("ImageStreamTags must be retrieved with <name>:<tag>");
                });
        assertThat(ImageStreamTagName.tryParse(name)).isEmpty();
    }
}
