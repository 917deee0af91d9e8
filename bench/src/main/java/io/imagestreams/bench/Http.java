package io.imagestreams.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The one HTTP client setup every step uses: HTTP/1.1 with keep-alive, no proxy, no redirects. */
final class Http {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    static HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    /** Sends a request that must answer {@code expected}; anything else fails the step with the answer's body. */
    static HttpResponse<String> expect(HttpClient client, HttpRequest request, int expected) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted during " + request.method() + " " + request.uri(), e);
        }
        if (response.statusCode() != expected) {
            String body = response.body() == null ? "" : response.body();
            throw new BenchException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " (expected " + expected + "): " + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
        return response;
    }

    /** A failure of the benchmark itself (setup or checks), shown to the user as it is. */
    static final class BenchException extends RuntimeException {
        BenchException(String message) {
            super(message);
        }

        BenchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
