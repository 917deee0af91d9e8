package io.imagestreams.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The streams the benchmark seeds and reads: {@code streams} streams {@code app-00}, {@code app-01}, ... in one
 * namespace, each with {@code tags} tags {@code v1}, {@code v2}, ... whose history holds {@code history} images.
 * Digests are derived from the names, so seeding and checking agree without sharing state.
 */
record Dataset(String namespace, int streams, int tags, int history) {

    static final String API = "/apis/image.openshift.io/v1";
    /** Where the seeded images claim to live; nothing pulls from it. */
    static final String IMAGE_REGISTRY = "registry.bench.example";

    Dataset {
        if (streams < 1 || tags < 1 || history < 1) {
            throw new IllegalArgumentException("streams, tags and history must each be at least 1");
        }
    }

    static Dataset from(Options options) {
        return new Dataset(options.text("namespace", "bench"), options.integer("streams", 50), options.integer("tags", 5),
                options.integer("history", 20));
    }

    String stream(int index) {
        return String.format("app-%02d", index);
    }

    String tag(int index) {
        return "v" + (index + 1);
    }

    /** The image that entry {@code entry} (0 = oldest) of the history of {@code stream:tag} points at. */
    String digest(int stream, int tag, int entry) {
        return "sha256:" + sha256Hex(namespace + "/" + stream(stream) + ":" + tag(tag) + "#" + entry);
    }

    int tagEvents() {
        return streams * tags * history;
    }

    String streamsPath() {
        return API + "/namespaces/" + namespace + "/imagestreams";
    }

    String mappingsPath() {
        return API + "/namespaces/" + namespace + "/imagestreammappings";
    }

    String imageStreamTagPath(int stream, int tag) {
        return API + "/namespaces/" + namespace + "/imagestreamtags/" + stream(stream) + ":" + tag(tag);
    }

    String describe() {
        return streams + " streams x " + tags + " tags x " + history + " history entries (" + tagEvents()
                + " tag events) in namespace " + namespace;
    }

    static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
