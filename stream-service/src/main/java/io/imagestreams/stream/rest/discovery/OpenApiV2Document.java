package io.imagestreams.stream.rest.discovery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code /openapi/v2} document: Swagger 2.0 with no paths and no definitions. kubectl downloads it (as
 * gnostic protobuf) before {@code create}/{@code apply} to validate objects on the client; a schema-less
 * document makes it skip client-side validation for these kinds, leaving validation to this server, instead
 * of failing with "failed to download openapi". Built by hand: only three protobuf fields are needed.
 */
final class OpenApiV2Document {

    /** The subtype kubectl asks for ({@code '@'} is not a token character, so it is matched as text). */
    static final String PROTOBUF_SUBTYPE_REQUESTED = "com.github.proto-openapi.spec.v2@v1.0+protobuf";
    /** The subtype the API server answers with, also accepted in requests. */
    static final String PROTOBUF_SUBTYPE = "com.github.proto-openapi.spec.v2.v1.0+protobuf";
    static final String PROTOBUF_CONTENT_TYPE = "application/" + PROTOBUF_SUBTYPE;

    static final String TITLE = "stream-service";

    private static final String SWAGGER_VERSION = "2.0";

    private OpenApiV2Document() {
    }

    /** {@code openapi.v2.Document}: swagger (1), info (2: title 1, version 2), paths (8, empty). */
    static byte[] protobuf() {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        writeField(info, 1, utf8(TITLE));
        writeField(info, 2, utf8(VersionInfo.KUBERNETES_VERSION));
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        writeField(document, 1, utf8(SWAGGER_VERSION));
        writeField(document, 2, info.toByteArray());
        writeField(document, 8, new byte[0]);
        return document.toByteArray();
    }

    static String json() {
        return "{\"swagger\":\"" + SWAGGER_VERSION + "\",\"info\":{\"title\":\"" + TITLE + "\",\"version\":\""
                + VersionInfo.KUBERNETES_VERSION + "\"},\"paths\":{}}";
    }

    /** A length-delimited field (wire type 2): strings and embedded messages. */
    private static void writeField(ByteArrayOutputStream out, int number, byte[] value) {
        writeVarint(out, ((long) number << 3) | 2);
        writeVarint(out, value.length);
        out.writeBytes(value);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
