package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The parts of import-service's API the benchmark uses: the schedule list and registry push notifications. */
final class ImportService {

    static final String NOTIFICATION_TYPE = "application/vnd.docker.distribution.events.v1+json";

    /** One tracked tag as {@code GET /api/v1/schedules} shows it. */
    record Schedule(long checks, String lastResult, String lastDigest, String lastReason, String lastMessage) {

        String describe() {
            return checks + " checks, last " + lastResult + (lastReason == null ? "" : " (" + lastReason + ": " + lastMessage + ")")
                    + ", digest " + lastDigest;
        }
    }

    private final HttpClient client;
    private final String url;
    private final ImportDataset data;
    private final String notificationsSecret;

    ImportService(HttpClient client, String url, ImportDataset data, String notificationsSecret) {
        this.client = client;
        this.url = url;
        this.data = data;
        this.notificationsSecret = notificationsSecret;
    }

    /** The scheduled tags of the benchmark's namespace, by {@code stream:tag}. */
    Map<String, Schedule> schedules() {
        Map<String, Schedule> schedules = new HashMap<>();
        for (Object item : Json.array(list(), "items")) {
            Map<String, Object> view = Json.object(item);
            schedules.put(Json.string(view, "stream") + ":" + Json.string(view, "tag"), schedule(view));
        }
        return schedules;
    }

    /** One scheduled tag. */
    Schedule schedule(int tag) {
        HttpRequest get = Http.request(url, "/api/v1/schedules/" + data.namespace() + "/" + data.stream(tag) + "/" + data.tag(tag))
                .header("Accept", "application/json").GET().build();
        return schedule(Json.object(Json.parse(Http.expect(client, get, 200).body())));
    }

    private static Schedule schedule(Map<String, Object> view) {
        return new Schedule(Json.number(view, "checks", 0), Json.string(view, "lastResult"), Json.string(view, "lastDigest"),
                Json.string(view, "lastReason"), Json.string(view, "lastMessage"));
    }

    /** The per-minute cap on scheduled checks the service runs with. */
    long maxChecksPerMinute() {
        return Json.number(list(), "maxChecksPerMinute", -1);
    }

    private Map<String, Object> list() {
        HttpRequest get = Http.request(url, "/api/v1/schedules?namespace=" + data.namespace() + "&scheduled=true&limit=5000")
                .header("Accept", "application/json").GET().build();
        return Json.object(Json.parse(Http.expect(client, get, 200).body()));
    }

    /**
     * Sends one notification envelope, as the registry at {@code registryHostPort} would, with a push event per tag:
     * every listed tag becomes due at once. Returns how many tags import-service made due.
     */
    long notifyPushes(String registryHostPort, List<Integer> tags, String[] digests) {
        String events = tags.stream().map(tag -> """
                {"id":"%s","timestamp":"%s","action":"push",\
                "target":{"mediaType":"%s","digest":"%s","repository":"%s","tag":"%s",\
                "url":"http://%s/v2/%s/manifests/%s"},\
                "request":{"host":"%s","method":"PUT","useragent":"image-streams-benchmark"},\
                "source":{"addr":"%s"}}"""
                .formatted(UUID.randomUUID(), Instant.now(), RegistryImage.MANIFEST_TYPE, digests[tag], data.repository(tag),
                        data.tag(tag), registryHostPort, data.repository(tag), digests[tag], registryHostPort, registryHostPort))
                .collect(Collectors.joining(","));
        HttpRequest post = Http.request(url, "/api/v1/registry-events").header("Content-Type", NOTIFICATION_TYPE)
                .header("Authorization", "Bearer " + notificationsSecret)
                .POST(BodyPublishers.ofString("{\"events\":[" + events + "]}")).build();
        long due = Json.number(Json.object(Json.parse(Http.expect(client, post, 200).body())), "tagsDue", -1);
        if (due != tags.size()) {
            throw new BenchException("a notification of " + tags.size() + " pushes made " + due + " tags due at import-service, expected "
                    + tags.size() + " (does it know the registry as " + registryHostPort + "?)");
        }
        return due;
    }
}
