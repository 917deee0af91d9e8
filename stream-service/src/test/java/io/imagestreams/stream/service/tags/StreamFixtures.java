package io.imagestreams.stream.service.tags;

import io.imagestreams.api.image.ImageDefaults;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagEventCondition;
import io.imagestreams.api.image.TagOrder;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import java.time.Instant;
import java.util.Optional;

/** Small builders for streams, tags and events, shared by the tag tests. */
final class StreamFixtures {

    static final String NAMESPACE = "demo";
    static final String INTERNAL_REGISTRY = "registry.local:5000";
    static final String PUBLIC_REGISTRY = "registry.example.com";
    static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private StreamFixtures() {
    }

    /** A strategy with both registry host names and a clock stopped at {@link #NOW}. */
    static ImageStreamStrategy strategy() {
        return new ImageStreamStrategy(
                new RegistryHostnames(Optional.of(INTERNAL_REGISTRY), Optional.of(PUBLIC_REGISTRY)), () -> NOW);
    }

    /** A stored stream {@code demo/<name>} at {@code generation}, created at {@link #CREATED}. */
    static ImageStream stream(String name, long generation) {
        ImageStream stream = ImageStream.of(NAMESPACE, name);
        stream.getMetadata().setGeneration(generation);
        stream.getMetadata().setCreationTimestamp(CREATED);
        stream.getMetadata().setUid("uid-" + name);
        stream.getMetadata().setResourceVersion("7");
        return stream;
    }

    /** {@code stream} as the store holds it: defaulted, tags sorted, status repositories set. */
    static ImageStream stored(ImageStream stream) {
        ImageDefaults.apply(stream);
        TagOrder.normalize(stream);
        strategy().decorate(stream);
        return stream;
    }

    /** {@code sha256:<prefix>000…} with 64 hex digits. */
    static String digest(String hexPrefix) {
        return "sha256:" + hexPrefix + "0".repeat(64 - hexPrefix.length());
    }

    static TagReference dockerTag(String name, String pullSpec, Long generation) {
        return TagReference.named(name).fromDockerImage(pullSpec).withGeneration(generation);
    }

    static TagReference trackingTag(String name, String source, Long generation) {
        return TagReference.named(name).fromImageStreamTag(source).withGeneration(generation);
    }

    static TagEvent event(String pullSpec, String image, long generation) {
        return TagEvent.of(CREATED, pullSpec, image, generation);
    }

    static NamedTagEventList history(String tag, TagEvent... newestFirst) {
        return NamedTagEventList.of(tag, newestFirst);
    }

    static TagEventCondition importFailed(long generation) {
        return TagEventCondition.importFailed("NotFound", "not there", generation, CREATED);
    }

    static ImageStream copy(ImageStream stream) {
        return ImageApiJson.deepCopy(stream);
    }

    static TagEvent latest(ImageStream stream, String tag) {
        return TagHistory.latest(stream, tag).orElseThrow();
    }

    static TagReference specTag(ImageStream stream, String tag) {
        return stream.getSpec().findTag(tag).orElseThrow();
    }
}
