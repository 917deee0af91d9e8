package io.imagestreams.importer.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagestreams.importer.config.ImportServiceConfig;
import io.imagestreams.importer.repository.ScheduleRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Docker distribution notifications ({@code POST /api/v1/registry-events}): a pushed {@code repository:tag} makes
 * every scheduled tag that imports it due at once, so the stream moves within seconds of the push instead of at
 * the next interval. The check itself is the usual one (a HEAD, then an import only for a new digest).
 */
@ApplicationScoped
public class RegistryEventsService {

    /** What one notification envelope did. */
    public record Accepted(int events, int pushes, long tagsDue) {
    }

    private final ScheduleRepository schedules;
    private final Scheduler scheduler;
    private final Optional<String> secret;
    private final Clock clock;
    private final MeterRegistry meters;

    public RegistryEventsService(ScheduleRepository schedules, Scheduler scheduler, ImportServiceConfig config, Clock clock,
            MeterRegistry meters) {
        this.schedules = schedules;
        this.scheduler = scheduler;
        this.secret = config.notifications().secret().filter(value -> !value.isBlank());
        this.clock = clock;
        this.meters = meters;
    }

    /** Checks {@code Authorization: Bearer <secret>} in constant time; refuses all when no secret is configured. */
    public void authenticate(String authorization) {
        if (secret.isEmpty()) {
            throw new ApiException(401, "registry notifications are not configured (imagestreams.notifications.secret)", null);
        }
        String expected = "Bearer " + secret.get();
        byte[] given = authorization == null ? new byte[0] : authorization.trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected.getBytes(StandardCharsets.UTF_8))) {
            meters.counter("imagestreams.registry.events", "outcome", "unauthenticated").increment();
            throw new ApiException(401, "a registry notification must carry the shared secret as a bearer token", null);
        }
    }

    public Accepted accept(JsonNode envelope) {
        JsonNode events = envelope == null ? null : envelope.get("events");
        if (events == null || !events.isArray()) {
            throw ApiException.badRequest("events", "a notification envelope has an events array");
        }
        int pushes = 0;
        long due = 0;
        for (JsonNode event : events) {
            if (!"push".equals(event.path("action").asText())) {
                continue;
            }
            JsonNode target = event.path("target");
            String repository = target.path("repository").asText("");
            String tag = target.path("tag").asText("");
            if (repository.isEmpty() || tag.isEmpty()) {
                // blob pushes and pushes by digest move no tag
                continue;
            }
            pushes++;
            String digest = target.path("digest").asText("");
            due += schedules.dueNow(registries(event), repository, tag,
                    digest.startsWith("sha256:") ? digest : null, clock.instant());
        }
        meters.counter("imagestreams.registry.events", "outcome", "accepted").increment();
        if (due > 0) {
            meters.counter("imagestreams.registry.events.tags.due").increment(due);
            scheduler.wake();
        }
        return new Accepted(events.size(), pushes, due);
    }

    /** The names the pushed-to registry goes by in this event: the host the client pushed to and the target URL's. */
    private static Set<String> registries(JsonNode event) {
        Set<String> hosts = new LinkedHashSet<>();
        String requestHost = event.path("request").path("host").asText("");
        if (!requestHost.isEmpty()) {
            hosts.add(RegistryHosts.normalize(requestHost));
        }
        String url = event.path("target").path("url").asText("");
        if (!url.isEmpty()) {
            try {
                URI uri = URI.create(url);
                if (uri.getAuthority() != null) {
                    hosts.add(RegistryHosts.normalize(uri.getAuthority()));
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed URL names no registry; the request host may still
            }
        }
        return hosts;
    }
}
