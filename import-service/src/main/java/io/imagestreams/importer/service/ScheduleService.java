package io.imagestreams.importer.service;

import io.imagestreams.api.event.SpecTag;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.config.ImportServiceConfig;
import io.imagestreams.importer.repository.Schedule;
import io.imagestreams.importer.repository.ScheduleRepository;
import io.imagestreams.importer.repository.TrackedTag;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the schedule documents in step with stream-service's spec tags (from {@code image-stream-events}):
 * every importable tag (kind DockerImage, not a reference) is tracked; those with {@code importPolicy.scheduled}
 * are re-checked every interval by the {@link Scheduler}.
 */
@ApplicationScoped
public class ScheduleService {

    private final ScheduleRepository schedules;
    private final Duration interval;
    private final Clock clock;

    public ScheduleService(ScheduleRepository schedules, ImportServiceConfig config, Clock clock) {
        this.schedules = schedules;
        this.interval = config.schedules().interval();
        this.clock = clock;
    }

    /** A stream was created or changed: track its importable spec tags, forget the others. */
    public void streamChanged(String namespace, String stream, List<SpecTag> specTags) {
        Instant now = clock.instant();
        List<String> tracked = new ArrayList<>();
        for (SpecTag specTag : specTags == null ? List.<SpecTag>of() : specTags) {
            trackedTag(namespace, stream, specTag).ifPresent(tag -> {
                schedules.track(tag, now, now.plus(interval));
                tracked.add(tag.tag());
            });
        }
        schedules.untrackOthers(namespace, stream, tracked);
    }

    public void streamDeleted(String namespace, String stream) {
        schedules.untrackStream(namespace, stream);
    }

    /** A tag moved (or an import failed): results for it must answer at least {@code generation}. */
    public void tagObserved(String namespace, String stream, String tag, long generation) {
        schedules.observeGeneration(namespace, stream, tag, generation);
    }

    public Optional<Schedule> find(String namespace, String stream, String tag) {
        return schedules.find(namespace, stream, tag);
    }

    public List<Schedule> list(Optional<String> namespace, Optional<String> stream, boolean scheduledOnly, int limit) {
        return schedules.list(namespace, stream, scheduledOnly, limit);
    }

    /** Makes a tracked tag due now; false when the tag is not tracked. */
    public boolean checkNow(String namespace, String stream, String tag) {
        return schedules.dueNow(namespace, stream, tag, clock.instant());
    }

    public Duration interval() {
        return interval;
    }

    private static Optional<TrackedTag> trackedTag(String namespace, String stream, SpecTag specTag) {
        if (specTag.from() == null || !ImageApi.KIND_DOCKER_IMAGE.equals(specTag.from().kind()) || specTag.reference()) {
            return Optional.empty();
        }
        ImageReference from;
        try {
            from = ImageReference.parse(specTag.from().name());
        } catch (IllegalArgumentException e) {
            // the stream accepted it (OpenShift does too); there is nothing to check until it is fixed
            Log.debugf("spec tag %s/%s:%s is not importable: %s", namespace, stream, specTag.name(), e.getMessage());
            return Optional.empty();
        }
        ImageReference defaulted = from.dockerClientDefaults();
        String sourceTag = defaulted.hasDigest() ? defaulted.digest() : defaulted.hasTag() ? defaulted.tag()
                : ImageReference.DEFAULT_TAG;
        boolean insecure = specTag.importPolicy() != null && specTag.importPolicy().insecure();
        boolean scheduled = specTag.importPolicy() != null && specTag.importPolicy().scheduled()
                // a digest never moves: nothing to re-check
                && !defaulted.hasDigest();
        String importMode = specTag.importPolicy() == null ? null : specTag.importPolicy().importMode();
        long generation = specTag.generation() == null ? 0 : specTag.generation();
        return Optional.of(new TrackedTag(namespace, stream, specTag.name(), specTag.from().name(),
                RegistryHosts.normalize(defaulted.registry()), defaulted.repositoryName(), sourceTag, insecure,
                importMode == null || importMode.isEmpty() ? "Legacy" : importMode, scheduled, generation,
                // a digest names the manifest (or list) itself: no preference applies
                defaulted.hasDigest() ? PlatformPreference.NONE : specTag.platformPreference()));
    }
}
