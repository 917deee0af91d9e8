package io.imagestreams.testsupport.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain-HTTP server on 127.0.0.1 and a free port that is not a registry, as a web server or an API that happens
 * to sit at a pull spec's host: every request gets the same answer, unless its path has one of its own. A TLS
 * hello is refused at once (connection closed), so a client probing HTTPS first falls back to plain HTTP.
 */
public final class WebServer implements AutoCloseable {

    /** One canned answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final PlainHttpFront front;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "web-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Answer fallback;
    private final Map<String, Answer> byPath = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private WebServer(Answer fallback) {
        this.fallback = fallback;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", this::handle);
            server.setExecutor(threads);
            server.start();
            front = new PlainHttpFront(server.getAddress().getPort(), threads);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    /** Answers every request with {@code status}, {@code Content-Type: contentType} and {@code body}. */
    public static WebServer answering(int status, String contentType, String body) {
        return new WebServer(new Answer(status, Map.of("Content-Type", contentType), body));
    }

    /** A web server's 404 page for every path. */
    public static WebServer notFoundEverywhere() {
        return answering(404, "text/plain; charset=utf-8", "404 page not found\n");
    }

    /** A site answering its home page, whatever the path. */
    public static WebServer htmlEverywhere() {
        return answering(200, "text/html; charset=utf-8",
                "<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body>It works!</body></html>\n");
    }

    /** Answers requests for exactly {@code path} (no query) with their own answer. */
    public WebServer on(String path, int status, Map<String, String> headers, String body) {
        byPath.put(path, new Answer(status, new LinkedHashMap<>(headers), body));
        return this;
    }

    /** {@code 127.0.0.1:<port>}, the registry part of pull specs. */
    public String hostPort() {
        return "127.0.0.1:" + front.port();
    }

    /** {@code METHOD path} of every request so far, oldest first. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        front.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            Answer answer = byPath.getOrDefault(path, fallback);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(answer.status(), head || body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
