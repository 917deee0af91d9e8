package io.imagestreams.stream.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * import-service's lookup endpoint as a test sets it up: {@code POST /api/v1/lookups} on 127.0.0.1 and a free
 * port, answering what the test chose last and keeping every request body it received.
 */
public final class FakeImportService implements AutoCloseable {

    private record Answer(int status, String body, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-import-service");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(500, "{\"message\":\"no answer set\"}", Duration.ZERO);

    private FakeImportService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(ImportServiceClient.LOOKUPS_PATH, this::handle);
        // a slow answer must not hold up the next request
        server.setExecutor(executor);
        server.start();
    }

    public static FakeImportService start() {
        return new FakeImportService();
    }

    /** The base URL, as {@code imagestreams.import-service.url} takes it. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers every following lookup with {@code status} and the JSON {@code body}. */
    public void answer(int status, String body) {
        answerAfter(Duration.ZERO, status, body);
    }

    public void answerAfter(Duration delay, int status, String body) {
        answer = new Answer(status, body, delay);
    }

    /** The request bodies received, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                exchange.close();
                return;
            }
            requests.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Answer current = answer;
        if (current.delay().isZero()) {
            respond(exchange, current);
        } else {
            // a slow import-service: answer later from another thread, blocking nobody meanwhile
            CompletableFuture.delayedExecutor(current.delay().toMillis(), TimeUnit.MILLISECONDS, executor)
                    .execute(() -> respond(exchange, current));
        }
    }

    private static void respond(HttpExchange exchange, Answer current) {
        try (exchange) {
            byte[] body = current.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(current.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up first (a timeout test): nothing left to answer
        }
    }
}
