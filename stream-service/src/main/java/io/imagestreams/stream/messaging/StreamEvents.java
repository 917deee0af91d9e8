package io.imagestreams.stream.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.ImageRef;
import io.imagestreams.api.event.ImportPolicy;
import io.imagestreams.api.event.ImportRequested;
import io.imagestreams.api.event.ImportTag;
import io.imagestreams.api.event.SpecTag;
import io.imagestreams.api.event.StreamCreated;
import io.imagestreams.api.event.StreamDeleted;
import io.imagestreams.api.event.StreamUpdated;
import io.imagestreams.api.event.TagDeleted;
import io.imagestreams.api.event.TagUpdated;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.image.NamedTagEventList;
import io.imagestreams.api.image.TagEvent;
import io.imagestreams.api.image.TagReference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.stream.repository.OutboxRepository.OutboxEvent;
import io.imagestreams.stream.service.StreamRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The events a stream change produces, in the order consumers must see them: the stream event, then each
 * tag that moved or disappeared, then the imports the change asks for.
 */
@ApplicationScoped
public class StreamEvents {

    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper();

    private final StreamRules rules;

    public StreamEvents(StreamRules rules) {
        this.rules = rules;
    }

    /** {@code old} null = created, {@code next} null = deleted. */
    public List<OutboxEvent> forChange(ImageStream old, ImageStream next, Instant now) {
        List<EventPayload> payloads = new ArrayList<>();
        ImageStream subject = next != null ? next : old;
        String namespace = subject.getMetadata().getNamespace();
        String name = subject.getMetadata().getName();
        if (old == null) {
            payloads.add(new StreamCreated(namespace, name, next.getMetadata().getUid(), next.getMetadata().getGeneration(), specTags(next)));
        } else if (next == null) {
            payloads.add(new StreamDeleted(namespace, name, old.getMetadata().getUid(), old.getMetadata().getGeneration(), specTags(old)));
        } else if (old.getMetadata().getGeneration() != next.getMetadata().getGeneration()
                || !Objects.equals(old.getSpec(), next.getSpec())) {
            payloads.add(new StreamUpdated(namespace, name, next.getMetadata().getUid(), next.getMetadata().getGeneration(), specTags(next)));
        }
        Map<String, TagEvent> before = heads(old);
        Map<String, TagEvent> after = heads(next);
        after.forEach((tag, event) -> {
            TagEvent previous = before.get(tag);
            if (previous == null || !Objects.equals(previous.getImage(), event.getImage())
                    || !Objects.equals(previous.getDockerImageReference(), event.getDockerImageReference())) {
                payloads.add(new TagUpdated(namespace, name, tag, event.getGeneration(), ref(next, tag, event),
                        previous == null ? null : ref(old, tag, previous)));
            }
        });
        if (next != null) {
            // a deleted stream takes its tags with it: StreamDeleted says so, no TagDeleted per tag
            before.keySet().stream().filter(tag -> !after.containsKey(tag)).forEach(tag ->
                    payloads.add(new TagDeleted(namespace, name, tag, next.getMetadata().getGeneration())));
        }
        if (next != null) {
            importRequest(old, next).ifPresent(payloads::add);
        }
        List<OutboxEvent> events = new ArrayList<>(payloads.size());
        for (EventPayload payload : payloads) {
            events.add(new OutboxEvent(UUID.randomUUID(), EventTypes.topic(payload.eventType()).orElseThrow(), payload.partitionKey(),
                    payload.eventType(), subjectOf(payload, namespace, name), write(payload), now));
        }
        return events;
    }

    /**
     * Spec tags that need an import: DockerImage, not a reference, whose spec generation is newer than what the
     * status has observed, and that this change created or changed.
     */
    private Optional<ImportRequested> importRequest(ImageStream old, ImageStream next) {
        if (next.getSpec() == null || next.getSpec().getTags() == null) {
            return Optional.empty();
        }
        List<ImportTag> tags = new ArrayList<>();
        for (TagReference tag : next.getSpec().getTags()) {
            if (tag.getFrom() == null || !ImageApi.KIND_DOCKER_IMAGE.equals(tag.getFrom().getKind()) || tag.isReference()
                    || tag.getGeneration() == null || !rules.importPending(next, tag.getName())) {
                continue;
            }
            Optional<TagReference> previous = old == null || old.getSpec() == null ? Optional.empty() : old.getSpec().findTag(tag.getName());
            if (previous.isPresent() && Objects.equals(previous.get().getGeneration(), tag.getGeneration())
                    && Objects.equals(previous.get().getFrom(), tag.getFrom())) {
                continue;
            }
            tags.add(new ImportTag(tag.getName(), tag.getFrom().getName(), tag.getGeneration(), ImportPolicy.of(tag.getImportPolicy()),
                    tag.getReferencePolicy().getType()));
        }
        return tags.isEmpty() ? Optional.empty()
                : Optional.of(new ImportRequested(next.getMetadata().getNamespace(), next.getMetadata().getName(), tags));
    }

    private ImageRef ref(ImageStream stream, String tag, TagEvent event) {
        String image = event.getImage() == null || event.getImage().isEmpty() ? null : event.getImage();
        return new ImageRef(image, event.getDockerImageReference(), rules.resolvePullSpec(stream, tag).orElse(event.getDockerImageReference()),
                null, null);
    }

    private static Map<String, TagEvent> heads(ImageStream stream) {
        Map<String, TagEvent> heads = new LinkedHashMap<>();
        if (stream != null && stream.getStatus() != null && stream.getStatus().getTags() != null) {
            for (NamedTagEventList list : stream.getStatus().getTags()) {
                if (list.getItems() != null && !list.getItems().isEmpty()) {
                    heads.put(list.getTag(), list.getItems().get(0));
                }
            }
        }
        return heads;
    }

    private static List<SpecTag> specTags(ImageStream stream) {
        List<SpecTag> tags = new ArrayList<>();
        if (stream.getSpec() != null && stream.getSpec().getTags() != null) {
            stream.getSpec().getTags().forEach(tag -> tags.add(SpecTag.of(tag)));
        }
        return tags;
    }

    private static String subjectOf(EventPayload payload, String namespace, String name) {
        if (payload instanceof TagUpdated t) {
            return namespace + "/" + name + ":" + t.tag();
        }
        if (payload instanceof TagDeleted t) {
            return namespace + "/" + name + ":" + t.tag();
        }
        return namespace + "/" + name;
    }

    private static String write(EventPayload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not writable: " + payload.eventType(), e);
        }
    }
}
