package io.imagestreams.importer.service;

import io.imagestreams.api.json.GoDuration;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.MediaTypes;
import io.imagestreams.importer.client.Registries;
import io.imagestreams.importer.client.RegistryBudgets;
import io.imagestreams.importer.config.ImportServiceConfig;
import io.imagestreams.importer.repository.ScheduleRepository;
import io.imagestreams.importer.repository.ScheduleRepository.ScheduledGroup;
import io.imagestreams.importer.service.ScheduleCost.Kind;
import io.imagestreams.importer.service.ScheduleCost.Learned;
import io.imagestreams.importer.service.ScheduleCost.Preview;
import io.imagestreams.importer.service.ScheduleCost.Settings;
import io.imagestreams.importer.service.ScheduleCost.TagGroup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The cost preview of the scheduled tags ({@link ScheduleCost}) from what is stored and learned: the schedules
 * (grouped by MongoDB), which namespaces hold pull credentials for which registry, the registries' auth and rate
 * budgets as this service has seen them, and the schedule settings. Keeps the gauge
 * {@code imagestreams_schedule_requests_per_hour{registry}} (projected HEADs per hour) current: every minute,
 * and whenever the whole schedule is previewed without a what-if.
 */
@ApplicationScoped
public class ScheduleCostService {

    static final String REQUESTS_GAUGE = "imagestreams.schedule.requests.per.hour";
    private static final Duration GAUGE_REFRESH = Duration.ofMinutes(1);

    private final ScheduleRepository schedules;
    private final CredentialService credentials;
    private final Registries registries;
    private final RegistryBudgets budgets;
    private final ImportServiceConfig.Schedules config;
    private final Clock clock;
    private final MultiGauge requestsPerHour;
    private ScheduledExecutorService refresher;

    public ScheduleCostService(ScheduleRepository schedules, CredentialService credentials, Registries registries,
            RegistryBudgets budgets, ImportServiceConfig config, Clock clock, MeterRegistry meters) {
        this.schedules = schedules;
        this.credentials = credentials;
        this.registries = registries;
        this.budgets = budgets;
        this.config = config.schedules();
        this.clock = clock;
        this.requestsPerHour = MultiGauge.builder(REQUESTS_GAUGE)
                .description("Registry requests per hour the scheduled checks of a registry's tags are projected to"
                        + " cost (one manifest HEAD per check, before the per-minute cap)")
                .register(meters);
    }

    void start(@Observes StartupEvent started) {
        refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "schedule-cost-gauges");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshGauges, 5, GAUGE_REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /**
     * What the scheduled tags of {@code namespace} (all when empty) cost per hour; {@code interval}, when given,
     * previews another default interval (Go duration, at least the scheduler's poll interval) and changes nothing.
     */
    public Preview preview(Optional<String> namespace, Optional<String> interval) {
        namespace.ifPresent(Names::requireNamespace);
        Optional<Duration> whatIf = interval.map(this::previewInterval);
        Preview preview = ScheduleCost.preview(tags(), namespace, settings(whatIf), this::learned);
        if (namespace.isEmpty() && whatIf.isEmpty()) {
            publish(preview);
        }
        return preview;
    }

    private Duration previewInterval(String text) {
        Duration parsed = GoDuration.parse(text.trim()).orElseThrow(() -> ApiException.badRequest("interval",
                "\"" + text + "\" is not a duration: write it as Go does, e.g. 5m, 1h or 1h30m"));
        Duration floor = config.pollInterval();
        if (parsed.compareTo(floor) < 0) {
            throw ApiException.badRequest("interval", "interval must be at least " + GoDuration.format(floor)
                    + " (imagestreams.schedules.poll-interval): the scheduler looks for due tags that often");
        }
        return parsed;
    }

    private Settings settings(Optional<Duration> whatIf) {
        return new Settings(config.interval(), whatIf, config.maxChecksPerMinute(), config.enabled(), clock.instant());
    }

    private List<TagGroup> tags() {
        Set<String> withCredentials = new HashSet<>();
        for (CredentialService.CredentialsView view : credentials.list()) {
            for (String registry : view.registries()) {
                withCredentials.add(view.namespace() + " " + RegistryHosts.normalize(registry));
            }
        }
        return schedules.scheduledGroups().stream()
                .map(group -> new TagGroup(group.namespace(), group.registry(), group.repository(), group.importMode(),
                        kind(group), group.sourceChildren(),
                        withCredentials.contains(group.namespace() + " " + group.registry()), null, group.tags()))
                .toList();
    }

    private static Kind kind(ScheduledGroup group) {
        String mediaType = group.sourceMediaType();
        if (mediaType == null || mediaType.isEmpty()) {
            return Kind.Unknown;
        }
        return MediaTypes.isList(mediaType) ? Kind.ManifestList : Kind.Image;
    }

    private Learned learned(String registry) {
        String authority = RegistryHosts.requestAuthority(registry);
        return new Learned(authority, ImageReference.DOCKER_HUB_REGISTRY.equals(registry), registries.auth(authority),
                budgets.budget(authority));
    }

    void refreshGauges() {
        try {
            publish(ScheduleCost.preview(tags(), Optional.empty(), settings(Optional.empty()), this::learned));
        } catch (RuntimeException e) {
            // MongoDB away: the gauges keep their last figures; readiness reports the store
            Log.debugf("schedule cost gauges not refreshed: %s", e.getMessage());
        }
    }

    private void publish(Preview preview) {
        requestsPerHour.register(preview.registries().stream()
                .map(cost -> MultiGauge.Row.of(Tags.of("registry", cost.registry()),
                        cost.requestsPerHour().projected()))
                .toList(), true);
    }
}
