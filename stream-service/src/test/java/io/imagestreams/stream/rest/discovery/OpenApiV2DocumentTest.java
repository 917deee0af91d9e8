package io.imagestreams.stream.rest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenApiV2DocumentTest {

    @Test
    void protobufHoldsSwaggerInfoAndEmptyPaths() {
        // given: the encoding written out byte by byte (field number << 3 | wire type 2, then the length)
        byte[] title = OpenApiV2Document.TITLE.getBytes(StandardCharsets.UTF_8);
        byte[] version = VersionInfo.KUBERNETES_VERSION.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {0x0A, 3, '2', '.', '0'});
        expected.write(0x12);
        expected.write(2 + title.length + 2 + version.length);
        expected.write(0x0A);
        expected.write(title.length);
        expected.writeBytes(title);
        expected.write(0x12);
        expected.write(version.length);
        expected.writeBytes(version);
        expected.writeBytes(new byte[] {0x42, 0});

        // when / then
        assertThat(OpenApiV2Document.protobuf()).isEqualTo(expected.toByteArray());
    }

    @Test
    void jsonIsTheSameDocument() {
        assertThat(OpenApiV2Document.json()).isEqualTo("{\"swagger\":\"2.0\",\"info\":{\"title\":\"stream-service\","
                + "\"version\":\"" + VersionInfo.KUBERNETES_VERSION + "\"},\"paths\":{}}");
    }
}
