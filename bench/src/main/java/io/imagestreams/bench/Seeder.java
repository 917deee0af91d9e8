package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills stream-service through its API as a registry would: each stream is created empty, then one
 * {@code ImageStreamMapping} per history entry and tag (oldest first) records a pushed image, so every tag ends
 * with {@code history} entries. Streams are seeded in parallel; the mappings of one stream go one after another.
 */
final class Seeder {

    private final HttpClient client;
    private final String url;
    private final Dataset data;
    private final PrintStream out;

    Seeder(HttpClient client, String url, Dataset data, PrintStream out) {
        this.client = client;
        this.url = url;
        this.data = data;
        this.out = out;
    }

    void seed(int parallelism) throws InterruptedException {
        Instant begin = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> streams = new ArrayList<>();
            for (int s = 0; s < data.streams(); s++) {
                int stream = s;
                streams.add(pool.submit(() -> seedStream(stream)));
            }
            for (Future<?> stream : streams) {
                stream.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BenchException bench ? bench : new BenchException("seeding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.between(begin, Instant.now());
        out.printf("seeded %s through the API in %.1f s%n", data.describe(), took.toMillis() / 1000.0);
    }

    private void seedStream(int stream) {
        String name = data.stream(stream);
        Http.expect(client, post(data.streamsPath(), """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStream","metadata":{"name":"%s","labels":{"app":"%s","bench":"true"}}}"""
                .formatted(name, name)), 201);
        for (int entry = 0; entry < data.history(); entry++) {
            for (int tag = 0; tag < data.tags(); tag++) {
                Http.expect(client, post(data.mappingsPath(), mapping(stream, tag, entry)), 201);
            }
        }
    }

    private HttpRequest post(String path, String json) {
        return Http.request(url, path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build();
    }

    /** A pushed image as the registry reports it: pull spec by digest, a small docker config and three layers. */
    private String mapping(int stream, int tag, int entry) {
        String digest = data.digest(stream, tag, entry);
        String repository = Dataset.IMAGE_REGISTRY + "/" + data.namespace() + "/" + data.stream(stream);
        String layers = String.join(",",
                layer(Dataset.sha256Hex(digest + "/base"), 29_000_000 + stream),
                layer(Dataset.sha256Hex(digest + "/runtime"), 41_000_000 + tag),
                layer(Dataset.sha256Hex(digest + "/app"), 1_200_000 + entry));
        return """
                {"apiVersion":"image.openshift.io/v1","kind":"ImageStreamMapping",
                 "metadata":{"name":"%s"},
                 "tag":"%s",
                 "image":{
                  "metadata":{"name":"%s"},
                  "dockerImageReference":"%s@%s",
                  "dockerImageManifestMediaType":"application/vnd.oci.image.manifest.v1+json",
                  "dockerImageMetadata":{"kind":"DockerImage","apiVersion":"image.openshift.io/1.0","Id":"%s",
                   "Created":"2026-01-%02dT10:00:00Z","Architecture":"amd64","Os":"linux","Size":%d,
                   "Config":{"User":"1001","Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","APP_ROOT=/opt/app-root"],
                    "Cmd":["/usr/bin/run"],"WorkingDir":"/opt/app-root/src",
                    "Labels":{"io.k8s.display-name":"%s","org.opencontainers.image.version":"%s.%d"}}},
                  "dockerImageMetadataVersion":"1.0",
                  "dockerImageLayers":[%s]}}"""
                .formatted(data.stream(stream), data.tag(tag), digest, repository, digest, digest, entry % 28 + 1,
                        71_200_000 + stream + tag + entry, data.stream(stream), data.tag(tag), entry, layers);
    }

    private static String layer(String hex, long size) {
        return """
                {"name":"sha256:%s","size":%d,"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip"}""".formatted(hex, size);
    }
}
