package io.imagestreams.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageApiJsonTest {

    private final ObjectMapper mapper = ImageApiJson.newObjectMapper();

    @Test
    void writesAnyInstantAsRfc3339WithWholeSeconds() throws Exception {
        // given
        Map<String, Instant> value = Map.of("at", Instant.parse("2026-11-22T10:00:00.750Z"));

        // when
        String json = mapper.writeValueAsString(value);

        // then
        assertThat(json).isEqualTo("{\"at\":\"2026-11-22T10:00:00Z\"}");
    }

    @Test
    void readsAnInstantWithAnOffset() throws Exception {
        // when
        Instant parsed = mapper.readValue("\"2026-11-22T11:00:00+01:00\"", Instant.class);

        // then
        assertThat(parsed).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void rejectsATimestampThatIsNotRfc3339WithAClearMessage() {
        // when / then
        assertThatThrownBy(() -> mapper.readValue("{\"created\":\"22/11/2026\"}", TagEvent.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("22/11/2026")
                .hasMessageContaining("RFC 3339");
    }

    @Test
    void keepsTheWireFormatOnAPlainMapperWithoutTheModule() throws Exception {
        // given a mapper a framework might hand over: no module, nulls excluded globally
        ObjectMapper plain = new ObjectMapper().setSerializationInclusion(Include.NON_NULL);
        TagEvent event = TagEvent.of(Instant.parse("2026-11-22T10:00:00.123Z"), "", "", 1);

        // when
        String eventJson = plain.writeValueAsString(event);
        String tagJson = plain.writeValueAsString(TagReference.named("latest"));

        // then
        assertThat(eventJson)
                .isEqualTo("{\"created\":\"2026-11-22T10:00:00Z\",\"dockerImageReference\":\"\",\"image\":\"\","
                        + "\"generation\":1}");
        assertThat(tagJson).contains("\"annotations\":null", "\"generation\":null");
    }

    @Test
    void deepCopyGivesAnEqualButSeparateObject() {
        // given
        ImageStream original = ImageStream.of("demo", "app")
                .withSpecTag(TagReference.named("latest").fromDockerImage("quay.io/demo/app:1.0"));

        // when
        ImageStream copy = ImageApiJson.deepCopy(original);
        copy.getSpec().getTags().get(0).setName("stable");

        // then
        assertThat(original.getSpec().getTags().get(0).getName()).isEqualTo("latest");
        assertThat(ImageApiJson.deepCopy(original)).isEqualTo(original).isNotSameAs(original);
    }

    @Test
    void toJsonStringIsCompactJson() {
        // when
        String text = TagReference.named("latest").toString();

        // then
        assertThat(text).isEqualTo("{\"name\":\"latest\",\"annotations\":null,\"generation\":null,"
                + "\"importPolicy\":{},\"referencePolicy\":{\"type\":\"\"}}");
    }
}
