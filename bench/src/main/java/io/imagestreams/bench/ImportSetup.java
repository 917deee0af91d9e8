package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Brings the suite to where the measurements start: one image stream per repository whose spec tags import the
 * pushed tags with {@code importPolicy: {scheduled: true, insecure: true}}, every tag imported by stream-service's
 * import request, and every tag tracked by import-service with the digest it found.
 */
final class ImportSetup {

    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient client;
    private final String streamUrl;
    private final ImportService importService;
    private final ImportDataset data;
    private final String registryHostPort;
    private final PrintStream out;

    ImportSetup(HttpClient client, String streamUrl, ImportService importService, ImportDataset data, String registryHostPort,
            PrintStream out) {
        this.client = client;
        this.streamUrl = streamUrl;
        this.importService = importService;
        this.data = data;
        this.registryHostPort = registryHostPort;
        this.out = out;
    }

    /** Creates the streams and waits until each tag's status shows {@code digests[tag]}; returns how long that took. */
    Duration createStreams(String[] digests, Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        for (int repository = 0; repository < data.repositories(); repository++) {
            Http.expect(client, Http.request(streamUrl, data.streamsPath()).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString(stream(repository))).build(), 201);
        }
        long deadline = begin + timeout.toNanos();
        List<String> missing = List.of();
        int failedReads = 0;
        while (true) {
            Optional<List<String>> answer = notImported(digests);
            if (answer.isEmpty()) {
                failedReads++;
            } else {
                missing = answer.get();
            }
            if (answer.isPresent() && missing.isEmpty()) {
                if (failedReads > 0) {
                    out.println("bench: note: stream-service answered " + failedReads + " of the list reads while the first imports"
                            + " landed with 500 (a read racing a tag's first import; see bench/README.md)");
                }
                return Duration.ofNanos(System.nanoTime() - begin);
            }
            if (System.nanoTime() > deadline) {
                throw new BenchException(missing.size() + " of " + data.tags() + " tags were not imported within "
                        + timeout.toSeconds() + " s, e.g. " + String.join("; ", missing.subList(0, Math.min(3, missing.size()))));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Waits until import-service tracks every tag as scheduled. */
    Duration awaitTracked(Duration timeout) throws InterruptedException {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        while (true) {
            int tracked = importService.schedules().size();
            if (tracked == data.tags()) {
                return Duration.ofNanos(System.nanoTime() - begin);
            }
            if (System.nanoTime() > deadline) {
                throw new BenchException("import-service tracks " + tracked + " scheduled tags in namespace " + data.namespace()
                        + " after " + timeout.toSeconds() + " s, expected " + data.tags()
                        + " (does it consume image-stream-events?)");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private String stream(int repository) {
        String tags = data.tagsOf(repository).stream().map(tag -> """
                {"name":"%s","from":{"kind":"DockerImage","name":"%s"},"importPolicy":{"scheduled":true,"insecure":true}}"""
                .formatted(data.tag(tag), data.pullSpec(registryHostPort, tag))).collect(Collectors.joining(","));
        return """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"%s","labels":{"bench":"import"}},
                 "spec":{"tags":[%s]}}""".formatted(data.streamOf(repository), tags);
    }

    /**
     * Tags whose newest status item is not {@code digests[tag]}, each with what the stream says instead; empty when
     * stream-service answered 500. A list that races a tag's first import can fail so (stream-service reads a
     * stream's tag statuses and tag events in two statements, and a tag event whose status row was committed in
     * between has no status to go to); that is retried here, counted, and reported.
     */
    private Optional<List<String>> notImported(String[] digests) {
        HttpRequest list = Http.request(streamUrl, data.streamsPath()).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(list, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchException("GET " + list.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted during GET " + list.uri(), e);
        }
        if (response.statusCode() == 500) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new BenchException("GET " + list.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        Object answer = Json.parse(response.body());
        Map<String, Map<String, Object>> statusTags = new HashMap<>();
        for (Object item : Json.array(Json.object(answer), "items")) {
            String name = Json.string(Json.object(item, "metadata"), "name");
            for (Object tag : Json.array(Json.object(item, "status"), "tags")) {
                Map<String, Object> statusTag = Json.object(tag);
                statusTags.put(name + ":" + Json.string(statusTag, "tag"), statusTag);
            }
        }
        List<String> missing = new ArrayList<>();
        for (int tag = 0; tag < data.tags(); tag++) {
            Map<String, Object> statusTag = statusTags.getOrDefault(data.key(tag), Map.of());
            List<Object> items = Json.array(statusTag, "items");
            String image = items.isEmpty() ? null : Json.string(Json.object(items.get(0)), "image");
            if (!digests[tag].equals(image)) {
                String condition = Json.array(statusTag, "conditions").stream().map(Json::object)
                        .map(c -> Json.string(c, "reason") + ": " + Json.string(c, "message")).findFirst().orElse("no condition");
                missing.add(data.key(tag) + " shows " + (image == null ? "no image" : image) + " (" + condition + ")");
            }
        }
        return Optional.of(missing);
    }
}
