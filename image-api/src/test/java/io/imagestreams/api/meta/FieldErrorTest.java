package io.imagestreams.api.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorTest {

    @Test
    void requiredShowsNoValue() {
        // when
        FieldError error = FieldError.required("spec.tags[latest].from.name");

        // then
        assertThat(error).hasToString("spec.tags[latest].from.name: Required value");
        assertThat(error.toCause())
                .isEqualTo(new StatusCause("FieldValueRequired", "Required value", "spec.tags[latest].from.name"));
    }

    @Test
    void invalidQuotesAStringValueAndAppendsTheDetail() {
        // when
        FieldError error = FieldError.invalid("spec.tags[latest].from.name", "abc@badid", "invalid reference format");

        // then
        assertThat(error).hasToString(
                "spec.tags[latest].from.name: Invalid value: \"abc@badid\": invalid reference format");
        assertThat(error.toCause().getReason()).isEqualTo("FieldValueInvalid");
    }

    @Test
    void invalidPrintsBooleansNumbersAndNullBare() {
        // when / then
        assertThat(FieldError.invalid("spec.tags[a].importPolicy.scheduled", true,
                "only tags pointing to Docker repositories may be scheduled for background import"))
                .hasToString("spec.tags[a].importPolicy.scheduled: Invalid value: true: only tags pointing to Docker"
                        + " repositories may be scheduled for background import");
        assertThat(FieldError.invalid("spec.images", null, "you must specify at least one image or a repository import"))
                .hasToString("spec.images: Invalid value: null: you must specify at least one image or a repository"
                        + " import");
        assertThat(FieldError.invalid("spec.images[0].size", -1L, "must be >= 0").errorBody())
                .isEqualTo("Invalid value: -1: must be >= 0");
    }

    @Test
    void quotesLikeGoIncludingEscapes() {
        // when
        FieldError error = FieldError.invalid("metadata.name", "a\"b\\c\nd", null);

        // then
        assertThat(error.errorBody()).isEqualTo("Invalid value: \"a\\\"b\\\\c\\nd\"");
    }

    @Test
    void forbiddenInternalNotFoundDuplicateAndNotSupportedUseTheirKubernetesWording() {
        // when / then
        assertThat(FieldError.forbidden("spec.tags[t].from", "demo/other: \"denied\"").errorBody())
                .isEqualTo("Forbidden: demo/other: \"denied\"");
        assertThat(FieldError.internal("", "boom").toString()).isEqualTo(": Internal error: boom");
        assertThat(FieldError.notFound("spec.tags[t].from.name", "other:latest").errorBody())
                .isEqualTo("Not found: \"other:latest\"");
        assertThat(FieldError.duplicate("spec.tags[1].name", "latest").errorBody())
                .isEqualTo("Duplicate value: \"latest\"");
        assertThat(FieldError.notSupported("spec.tags[t].referencePolicy.type", "Other", List.of("Source", "Local")))
                .hasToString("spec.tags[t].referencePolicy.type: Unsupported value: \"Other\": supported values:"
                        + " \"Source\", \"Local\"");
        assertThat(FieldError.required("tag", "spec is a required field during creation").errorBody())
                .isEqualTo("Required value: spec is a required field during creation");
    }
}
