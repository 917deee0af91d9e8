package io.imagestreams.stream.service.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.ImageStreamMapping;
import io.imagestreams.api.image.ImageStreamTag;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.api.meta.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Small builders and the committed fixtures shared by the validation tests. */
final class ValidationFixtures {

    static final String DIGEST = "sha256:47463d94eb5c049b2d23b03a9530bf944f8f967a0fe79147dd6b9135bf7dd13d";
    static final String OTHER_DIGEST = "sha256:909de62d1f609a717ec433cc25ca5cf00941545c83a01fb31527771e1fab3fc5";
    static final Instant CREATED = Instant.parse("2016-01-29T13:33:49Z");

    private static final ObjectMapper MAPPER = ImageApiJson.newObjectMapper();

    private ValidationFixtures() {
    }

    static <T> T read(String name, Class<T> type) {
        try {
            return MAPPER.readValue(text(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        try (InputStream in = ValidationFixtures.class.getResourceAsStream("/validation/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The curated php stream as OpenShift stores it: spec, status history, server-set metadata. */
    static ImageStream phpStream() {
        return read("php-imagestream.json", ImageStream.class);
    }

    /** A ruby-rhel style create request: Local reference policies and a same-stream tracking tag. */
    static ImageStream rubyStream() {
        return read("ruby-imagestream.json", ImageStream.class);
    }

    static ImageStreamMapping originRubySampleMapping() {
        return read("origin-ruby-sample-mapping.json", ImageStreamMapping.class);
    }

    static ImageStream stream(TagReference... tags) {
        ImageStream stream = ImageStream.of("demo", "app");
        for (TagReference tag : tags) {
            stream.withSpecTag(tag);
        }
        return stream;
    }

    /** The stored form of {@code stream}: what an update or a status update is compared against. */
    static ImageStream stored(ImageStream stream) {
        stream.getMetadata().withUid("3f1c9a52-8d7e-4c1a-9f0b-2a4c6e8d0b11").withResourceVersion("42")
                .withGeneration(1).withCreationTimestamp(CREATED);
        return stream;
    }

    static ImageStream copy(ImageStream stream) {
        return ImageApiJson.deepCopy(stream);
    }

    static TagReference dockerTag(String name, String pullSpec) {
        return TagReference.named(name).fromDockerImage(pullSpec);
    }

    static NamedTagEventList history(String tag, String... pullSpecs) {
        NamedTagEventList history = NamedTagEventList.of(tag);
        for (String pullSpec : pullSpecs) {
            history.getItems().add(TagEvent.of(CREATED, pullSpec, DIGEST, 1));
        }
        return history;
    }

    static Image image() {
        return Image.named(DIGEST).withDockerImageReference("quay.io/demo/app@" + DIGEST);
    }

    static ImageStreamTag istag(String stream, String tag) {
        ImageStreamTag istag = ImageStreamTag.of("demo", stream, tag);
        istag.setTag(TagReference.named(tag).fromDockerImage("quay.io/demo/" + stream + ":" + tag));
        return istag;
    }

    /** Errors as OpenShift prints them, {@code <field>: <body>}, to compare with its messages verbatim. */
    static List<String> messages(List<FieldError> errors) {
        return errors.stream().map(FieldError::toString).toList();
    }
}
