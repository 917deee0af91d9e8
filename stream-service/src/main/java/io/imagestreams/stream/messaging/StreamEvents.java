package io.imagestreams.stream.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.event.HistoryEntry;
import io.imagestreams.api.event.ImageDeleted;
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
import io.imagestreams.api.image.PlatformPreference;
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

    /** {@code old} null = created, {@code next} null = deleted; no image facts known. */
    public List<OutboxEvent> forChange(ImageStream old, ImageStream next, Instant now) {
        return forChange(old, next, now, Map.of());
    }

    /**
     * {@code old} null = created, {@code next} null = deleted. {@code images} gives size and manifest-list children
     * of the images the tags now point at, as far as stream-service stores them.
     */
    public List<OutboxEvent> forChange(ImageStream old, ImageStream next, Instant now, Map<String, ImageFacts> images) {
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
        if (next != null) {
            payloads.addAll(tagChanges(old, next, images));
            // a deleted stream takes its tags with it: StreamDeleted says so, no TagDeleted per tag
            Map<String, List<TagEvent>> after = histories(next);
            histories(old).keySet().stream().filter(tag -> !after.containsKey(tag)).forEach(tag ->
                    payloads.add(new TagDeleted(namespace, name, tag, next.getMetadata().getGeneration())));
            importRequest(old, next).ifPresent(payloads::add);
        }
        return toOutbox(payloads, namespace, name, now);
    }

    /** Events a prune command's change produces instead of {@link #forChange}: the history events say it all. */
    public List<OutboxEvent> forPruneChange(List<EventPayload> payloads, String namespace, String name, Instant now) {
        return toOutbox(payloads, namespace, name, now);
    }

    private List<OutboxEvent> toOutbox(List<EventPayload> payloads, String namespace, String name, Instant now) {
        List<OutboxEvent> events = new ArrayList<>(payloads.size());
        for (EventPayload payload : payloads) {
            events.add(new OutboxEvent(UUID.randomUUID(), EventTypes.topic(payload.eventType()).orElseThrow(), payload.partitionKey(),
                    payload.eventType(), subjectOf(payload, namespace, name), write(payload), now));
        }
        return events;
    }

    /**
     * One TagUpdated per tag whose history changed: a new or rewritten top entry is described by the entry alone;
     * any other change of the history (a status update that rewrote older entries) carries the whole history.
     */
    private List<TagUpdated> tagChanges(ImageStream old, ImageStream next, Map<String, ImageFacts> images) {
        String namespace = next.getMetadata().getNamespace();
        String name = next.getMetadata().getName();
        Map<String, List<TagEvent>> before = histories(old);
        List<TagUpdated> changes = new ArrayList<>();
        histories(next).forEach((tag, items) -> {
            List<TagEvent> previousItems = before.getOrDefault(tag, List.of());
            if (items.equals(previousItems)) {
                return;
            }
            TagEvent head = items.get(0);
            TagEvent previousHead = previousItems.isEmpty() ? null : previousItems.get(0);
            boolean headMoved = previousHead == null || !Objects.equals(previousHead.getImage(), head.getImage())
                    || !Objects.equals(previousHead.getDockerImageReference(), head.getDockerImageReference());
            boolean restUnchanged = items.subList(1, items.size()).equals(previousItems.isEmpty() ? List.of()
                    : previousItems.subList(1, previousItems.size()));
            if (!headMoved && restUnchanged) {
                return; // only the top entry's generation changed: nothing anyone keeps moved
            }
            ImageRef image = ref(next, tag, head, images);
            ImageRef previous = previousHead == null ? null : ref(old, tag, previousHead, images);
            boolean describedByTopEntry = previous == null ? items.size() == 1
                    : TagUpdated.replacesInPlace(previous, image) ? restUnchanged
                    : items.subList(1, items.size()).equals(previousItems);
            changes.add(new TagUpdated(namespace, name, tag, head.getGeneration(), image, previous,
                    describedByTopEntry && headMoved ? null : entries(tag, items)));
        });
        return changes;
    }

    private static List<HistoryEntry> entries(String tag, List<TagEvent> items) {
        List<HistoryEntry> entries = new ArrayList<>(items.size());
        for (int position = 0; position < items.size(); position++) {
            TagEvent item = items.get(position);
            entries.add(new HistoryEntry(tag, position, emptyToNull(item.getImage()), item.getDockerImageReference(), item.getCreated(),
                    item.getGeneration()));
        }
        return entries;
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
            PlatformPreference platform = PlatformPreference.of(tag);
            tags.add(new ImportTag(tag.getName(), tag.getFrom().getName(), tag.getGeneration(), ImportPolicy.of(tag.getImportPolicy()),
                    tag.getReferencePolicy().getType(), platform.preferArch(), platform.preferOs()));
        }
        return tags.isEmpty() ? Optional.empty()
                : Optional.of(new ImportRequested(next.getMetadata().getNamespace(), next.getMetadata().getName(), tags));
    }

    private ImageRef ref(ImageStream stream, String tag, TagEvent event, Map<String, ImageFacts> images) {
        String image = emptyToNull(event.getImage());
        ImageFacts facts = image == null ? null : images.get(image);
        return new ImageRef(image, event.getDockerImageReference(), rules.resolvePullSpec(stream, tag).orElse(event.getDockerImageReference()),
                facts == null ? null : facts.size(), facts == null || facts.manifests().isEmpty() ? null : facts.manifests(), event.getCreated());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The digests the tags of {@code stream} point at now, whose facts the events carry. */
    public static List<String> headImages(ImageStream stream) {
        List<String> digests = new ArrayList<>();
        histories(stream).values().forEach(items -> {
            String image = emptyToNull(items.get(0).getImage());
            if (image != null) {
                digests.add(image);
            }
        });
        return digests;
    }

    /** Every non-empty tag history of {@code stream}, newest first. */
    private static Map<String, List<TagEvent>> histories(ImageStream stream) {
        Map<String, List<TagEvent>> histories = new LinkedHashMap<>();
        if (stream != null && stream.getStatus() != null && stream.getStatus().getTags() != null) {
            for (NamedTagEventList list : stream.getStatus().getTags()) {
                if (list.getItems() != null && !list.getItems().isEmpty()) {
                    histories.put(list.getTag(), list.getItems());
                }
            }
        }
        return histories;
    }

    /** Size and manifest-list children of one image, as the events describe it. */
    public record ImageFacts(Long size, List<String> manifests) {
    }

    private static List<SpecTag> specTags(ImageStream stream) {
        List<SpecTag> tags = new ArrayList<>();
        if (stream.getSpec() != null && stream.getSpec().getTags() != null) {
            stream.getSpec().getTags().forEach(tag -> tags.add(SpecTag.of(tag)));
        }
        return tags;
    }

    private static String subjectOf(EventPayload payload, String namespace, String name) {
        if (payload instanceof ImageDeleted d) {
            return d.digest();
        }
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
