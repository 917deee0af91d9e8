package io.imagestreams.trigger.client;

import io.imagestreams.trigger.config.TriggerServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Posts one webhook request. Redirects are not followed (a redirect could lead past the target policy); the
 * answer's body is discarded.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(TriggerServiceConfig config, Clock clock) {
        this.timeout = config.webhooks().timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The outcome of one request.
     *
     * @param statusCode {@code null} when no answer came (connection error, timeout)
     * @param retryAfter the receiver's {@code Retry-After}, if it sent one
     */
    public record Result(Integer statusCode, Optional<Duration> retryAfter, long latencyMs, String error) {
    }

    public Result post(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            long latency = elapsedMillis(started);
            return new Result(response.statusCode(), response.headers().firstValue("Retry-After").flatMap(this::retryAfter),
                    latency, null);
        } catch (HttpTimeoutException e) {
            return new Result(null, Optional.empty(), elapsedMillis(started), "timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new Result(null, Optional.empty(), elapsedMillis(started),
                    "connection failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, Optional.empty(), elapsedMillis(started), "interrupted");
        }
    }

    /** {@code Retry-After}: delay in seconds or an HTTP date. */
    Optional<Duration> retryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration delay = Duration.between(clock.instant(), at);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
