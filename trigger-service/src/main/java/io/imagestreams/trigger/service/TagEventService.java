package io.imagestreams.trigger.service;

import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.StreamDeleted;
import io.imagestreams.api.event.TagDeleted;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.trigger.repository.LogPosition;
import io.imagestreams.trigger.repository.TagImage;
import io.imagestreams.trigger.repository.TagImageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.Optional;

/**
 * Applies {@code image-stream-events} to the tag projection and fans a new current image out to the triggers.
 * Idempotent: the projection ignores stale generations, and each trigger ignores an image it last queued, so a
 * redelivered event (also one redelivered after a crash between the two steps) fires nothing twice.
 */
@ApplicationScoped
public class TagEventService {

    private final TagImageRepository tagImages;
    private final WebhookTriggerService webhooks;
    private final Instance<TagImageListener> listeners;
    private final Clock clock;

    public TagEventService(TagImageRepository tagImages, WebhookTriggerService webhooks,
            Instance<TagImageListener> listeners, Clock clock) {
        this.tagImages = tagImages;
        this.webhooks = webhooks;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * @param position where the event sits in the change log, when known
     * @return true when the event is the tag's current image (and was fanned out)
     */
    public boolean tagUpdated(TagUpdated event, Optional<LogPosition> position) {
        if (event.image() == null) {
            throw new IllegalArgumentException("TagUpdated without an image");
        }
        TagImage image = new TagImage(event.namespace(), event.stream(), event.tag(), event.generation(),
                image(event.image()), image(event.previousImage()), event.image().created(), clock.instant());
        tagImages.storeIfNewer(image, position);
        Optional<TagImage> current = tagImages.find(event.namespace(), event.stream(), event.tag())
                .filter(stored -> stored.generation() == event.generation());
        if (current.isEmpty() || current.get().pullSpec() == null || current.get().pullSpec().isEmpty()) {
            return false;
        }
        webhooks.onTagImage(current.get());
        listeners.forEach(listener -> listener.onTagImage(current.get()));
        return true;
    }

    public void tagDeleted(TagDeleted event) {
        tagImages.deleteTag(event.namespace(), event.stream(), event.tag(), event.generation());
    }

    public void streamDeleted(StreamDeleted event) {
        tagImages.deleteStream(event.namespace(), event.name());
    }

    private static TagImage.Image image(ImageRef ref) {
        if (ref == null) {
            return null;
        }
        String pullSpec = ref.pullSpec() == null || ref.pullSpec().isEmpty() ? ref.dockerImageReference() : ref.pullSpec();
        return new TagImage.Image(ref.digest(), ref.dockerImageReference(), pullSpec);
    }
}
