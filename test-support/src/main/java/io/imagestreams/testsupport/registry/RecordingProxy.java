package io.imagestreams.testsupport.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A loopback reverse proxy in front of a registry that records every request (method, path with query, time,
 * status) and can answer chosen requests itself (e.g. 429 with {@code Retry-After} and {@code RateLimit-*}) or
 * rewrite the registry's answers. A TLS hello is refused at once (connection closed), so a client probing HTTPS
 * first falls back to plain HTTP without waiting.
 */
public final class RecordingProxy implements AutoCloseable {

    /** One request as the proxy saw it, with the status it answered. */
    public record RecordedRequest(String method, String path, Instant at, int status, boolean authorized) {
    }

    /** A response: the registry's (to rewrite) or one the proxy gives instead. */
    public record ProxiedResponse(int status, Map<String, List<String>> headers, byte[] body) {

        public ProxiedResponse {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = copy;
        }

        public static ProxiedResponse of(int status, Map<String, String> headers, byte[] body) {
            Map<String, List<String>> multi = new LinkedHashMap<>();
            headers.forEach((name, value) -> multi.put(name, List.of(value)));
            return new ProxiedResponse(status, multi, body);
        }

        /** A copy with {@code name} set to {@code value}, or removed for null. */
        public ProxiedResponse withHeader(String name, String value) {
            Map<String, List<String>> copy = new LinkedHashMap<>(headers);
            copy.keySet().removeIf(key -> key.equalsIgnoreCase(name));
            if (value != null) {
                copy.put(name, List.of(value));
            }
            return new ProxiedResponse(status, copy, body);
        }

        public ProxiedResponse withBody(byte[] body) {
            return new ProxiedResponse(status, headers, body);
        }
    }

    /** A 429 with {@code Retry-After: <seconds>} and the given extra headers (e.g. {@code RateLimit-Remaining: 0}). */
    public static ProxiedResponse tooManyRequests(String retryAfter, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        if (retryAfter != null) {
            headers.put("Retry-After", retryAfter);
        }
        headers.put("Content-Type", "application/json");
        return ProxiedResponse.of(429, headers,
                "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"rate limited\"}]}".getBytes());
    }

    private interface Rule {
        boolean matches(String method, String path);

        boolean takeOne();
    }

    private record CountedRule(String method, Pattern path, AtomicInteger remaining, ProxiedResponse answer,
            BiFunction<String, ProxiedResponse, ProxiedResponse> rewrite) implements Rule {
        @Override
        public boolean matches(String requestMethod, String requestPath) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && path.matcher(requestPath).find();
        }

        @Override
        public boolean takeOne() {
            // a negative count never runs out
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
        }
    }

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "date");

    private final URI upstream;
    private final HttpServer server;
    private final PlainHttpFront front;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "recording-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<CountedRule> answers = new CopyOnWriteArrayList<>();
    private final List<CountedRule> rewrites = new CopyOnWriteArrayList<>();
    private volatile boolean pagingTags;

    private RecordingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
        this.front = new PlainHttpFront(server.getAddress().getPort(), threads);
    }

    /** A proxy to {@code upstream} (e.g. a {@link DockerRegistryServer#url()}). */
    public static RecordingProxy start(URI upstream) {
        try {
            return new RecordingProxy(upstream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://" + hostPort());
    }

    /** {@code 127.0.0.1:<port>}, the registry part of pull specs through the proxy. */
    public String hostPort() {
        return "127.0.0.1:" + front.port();
    }

    /** Every request so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests with {@code method} whose path (with query) contains a match of {@code pathRegex}. */
    public List<RecordedRequest> requests(String method, String pathRegex) {
        Pattern pattern = Pattern.compile(pathRegex);
        return requests.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && pattern.matcher(r.path()).find())
                .toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    /** Answers the next {@code count} requests (any) with {@code response}, without asking the registry. */
    public void answerNext(int count, ProxiedResponse response) {
        answerMatching(null, ".*", count, response);
    }

    /**
     * Answers requests with {@code method} (null: any) whose path matches {@code pathRegex} with {@code response},
     * {@code count} times (negative: until {@link #reset()}).
     */
    public void answerMatching(String method, String pathRegex, int count, ProxiedResponse response) {
        answers.add(new CountedRule(method, Pattern.compile(pathRegex), new AtomicInteger(count), response, null));
    }

    /** Rewrites the registry's answers to matching requests, {@code count} times (negative: until reset). */
    public void rewriteMatching(String method, String pathRegex, int count, UnaryOperator<ProxiedResponse> rewrite) {
        rewriteMatching(method, pathRegex, count, (path, response) -> rewrite.apply(response));
    }

    /** As {@link #rewriteMatching(String, String, int, UnaryOperator)}, the rewrite also given the request path. */
    public void rewriteMatching(String method, String pathRegex, int count,
            BiFunction<String, ProxiedResponse, ProxiedResponse> rewrite) {
        rewrites.add(new CountedRule(method, Pattern.compile(pathRegex), new AtomicInteger(count), null, rewrite));
    }

    /**
     * Pages {@code tags/list} answers by {@code n} and {@code last} with a {@code Link: <…>; rel="next"} header,
     * as distribution 3 and Docker Hub do: distribution 2.8 answers every tag at once. Until {@link #reset()}.
     */
    public void pageTagLists() {
        pagingTags = true;
        rewriteMatching("GET", "/tags/list", -1, TagPages::page);
    }

    /** Drops every answer and rewrite rule. */
    public void reset() {
        pagingTags = false;
        answers.clear();
        rewrites.clear();
    }

    @Override
    public void close() {
        front.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            boolean authorized = exchange.getRequestHeaders().containsKey("Authorization");
            ProxiedResponse response = firstRule(answers, method, path)
                    .map(CountedRule::answer)
                    .orElse(null);
            if (response == null) {
                response = forward(exchange, method, pagingTags && path.contains("/tags/list")
                        ? TagPages.withoutPaging(path) : path);
                for (CountedRule rule : rewrites) {
                    if (rule.matches(method, path) && rule.takeOne()) {
                        response = rule.rewrite().apply(path, response);
                    }
                }
            }
            requests.add(new RecordedRequest(method, path, Instant.now(), response.status(), authorized));
            reply(exchange, method, response);
        }
    }

    private static java.util.Optional<CountedRule> firstRule(List<CountedRule> rules, String method, String path) {
        for (CountedRule rule : rules) {
            if (rule.matches(method, path) && rule.takeOne()) {
                return java.util.Optional.of(rule);
            }
        }
        return java.util.Optional.empty();
    }

    private ProxiedResponse forward(HttpExchange exchange, String method, String path) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>(response.headers().map());
            return new ProxiedResponse(response.statusCode(), headers, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void reply(HttpExchange exchange, String method, ProxiedResponse response) throws IOException {
        String contentLength = null;
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-length")) {
                contentLength = header.getValue().isEmpty() ? null : header.getValue().get(0);
            } else if (!HOP_HEADERS.contains(name) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(header.getKey(), new ArrayList<>(header.getValue()));
            }
        }
        boolean head = method.equalsIgnoreCase("HEAD");
        if (head) {
            // a HEAD answer carries the length of the body it does not send
            if (contentLength != null) {
                exchange.getResponseHeaders().set("Content-Length", contentLength);
            }
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Relays each connection to the HTTP server unless it opens with a TLS handshake record (0x16), closed at once. */
}
