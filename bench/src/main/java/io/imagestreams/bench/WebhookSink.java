package io.imagestreams.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook receiver of {@code bench/run-triggers}: a JDK HTTP server on 127.0.0.1 in the benchmark's JVM. Trigger
 * {@code n} posts to {@code /hooks/n}; each request is timed on arrival (before its body is read), its Standard
 * Webhooks signature is checked with the trigger's secret, and it is answered {@code 204} at once. Arrivals are
 * kept per (trigger, image digest), so a repeated delivery is counted, not hidden.
 */
final class WebhookSink implements AutoCloseable {

    private static final Pattern IMAGE_DIGEST = Pattern.compile("\"image\":\\{\"digest\":\"(sha256:[0-9a-f]{64})\"");

    /** When the request for {@code digest} reached trigger {@code trigger}'s URL ({@link System#nanoTime()}). */
    record Arrival(int trigger, String digest, long nanos) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16, runnable -> {
        Thread thread = new Thread(runnable, "webhook-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger repeated = new AtomicInteger();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final Map<Integer, byte[]> keys = new ConcurrentHashMap<>();

    WebhookSink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/hooks/", this::handle);
        server.start();
    }

    String url(int trigger) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + trigger;
    }

    /** The secret trigger {@code trigger} signs with ({@code whsec_<base64>}, as its registration returned it). */
    void secret(int trigger, String secret) {
        keys.put(trigger, Base64.getDecoder().decode(secret.substring("whsec_".length())));
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        requests.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();

        Matcher digest = IMAGE_DIGEST.matcher(body);
        int trigger;
        try {
            trigger = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hooks/".length()));
        } catch (NumberFormatException e) {
            unreadable.incrementAndGet();
            return;
        }
        if (!digest.find()) {
            unreadable.incrementAndGet();
            return;
        }
        if (!signed(trigger, exchange, body)) {
            badSignatures.incrementAndGet();
        }
        if (arrivals.putIfAbsent(key(trigger, digest.group(1)), new Arrival(trigger, digest.group(1), arrived)) != null) {
            repeated.incrementAndGet();
        }
    }

    private boolean signed(int trigger, HttpExchange exchange, String body) {
        byte[] key = keys.get(trigger);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        if (key == null || id == null || timestamp == null || signatures == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            for (String signature : signatures.split(" ")) {
                if (signature.equals(expected)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The arrival of {@code digest} at trigger {@code trigger}, or null. */
    Arrival arrival(int trigger, String digest) {
        return arrivals.get(key(trigger, digest));
    }

    int requests() {
        return requests.get();
    }

    int repeated() {
        return repeated.get();
    }

    int badSignatures() {
        return badSignatures.get();
    }

    int unreadable() {
        return unreadable.get();
    }

    private static String key(int trigger, String digest) {
        return trigger + "/" + digest;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
