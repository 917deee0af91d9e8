package io.imagestreams.stream.service.validation;

import static io.imagestreams.stream.service.validation.ValidationFixtures.dockerTag;
import static io.imagestreams.stream.service.validation.ValidationFixtures.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.FieldError;
import io.imagestreams.api.meta.StatusException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationErrorsTest {

    private static final ObjectMapper MAPPER = ImageApiJson.newObjectMapper();

    @Test
    void rendersTheApiserversInvalidStatus() throws Exception {
        // given
        ImageStream stream = ImageStream.of("demo", "foo")
                .withSpecTag(TagReference.named("bar").from("DockerImage", ""));
        List<FieldError> errors = new ImageStreamValidator().validateCreate(stream);

        // when
        StatusException exception = ValidationErrors.invalid("ImageStream", "foo", errors);

        // then field order included, as the fixture is compared in its own order
        assertThat(exception.code()).isEqualTo(422);
        assertThat(MAPPER.writeValueAsString(exception.status()))
                .isEqualTo(MAPPER.writeValueAsString(MAPPER.readTree(ValidationFixtures.text("status-invalid.json"))));
    }

    @Test
    void throwsOnlyWhenThereAreErrors() {
        // given
        List<FieldError> errors = new ImageStreamValidator().validateCreate(stream(dockerTag("a", "bad@x")));

        // when / then
        assertThatCode(() -> ValidationErrors.requireValid("ImageStream", "app", List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> ValidationErrors.requireValid("ImageStream", "app", errors))
                .isInstanceOf(StatusException.class)
                .hasMessage("ImageStream.image.openshift.io \"app\" is invalid: spec.tags[a].from.name: Invalid value:"
                        + " \"bad@x\": invalid reference format");
    }
}
