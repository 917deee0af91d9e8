package io.imagestreams.stream.rest.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A watch opened with the JDK HTTP client, its body read line by line on a thread of its own, as kubectl reads it. */
final class WatchStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<Stream<String>> response;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    private WatchStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "watch-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code uri}; returns once the response headers arrived, i.e. once the watch is established. */
    static WatchStream open(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return new WatchStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (Stream<String> body = response.body()) {
            body.forEach(line -> {
                lines.add(line);
                try {
                    events.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("not one JSON object per line: " + line, e);
                }
            });
        } catch (UncheckedIOException e) {
            // the test closed the stream
        } finally {
            ended = true;
        }
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    List<JsonNode> events() {
        return List.copyOf(events);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** {@code TYPE name} per event, e.g. {@code ADDED app}, for order assertions. */
    List<String> summary() {
        return events().stream().map(e -> e.path("type").asText() + " " + e.path("object").path("metadata").path("name").asText()).toList();
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
