package io.imagestreams.stream.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.json.ImageApiJson;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * import-service's lookup endpoint, which stream-service calls for {@code imagestreamimports} (DESIGN §8).
 *
 * <p>Request: {@code POST <imagestreams.import-service.url>/api/v1/lookups}, {@code Content-Type:
 * application/json}, body the validated and defaulted {@code ImageStreamImport} (kind, apiVersion, metadata with
 * name and namespace, the whole spec, empty status). Answer: {@code 200} with an {@code ImageStreamImportStatus}:
 * {@code images[i]} for {@code spec.images[i]} ({@code status} a Kubernetes Status, Success or Failure with
 * reason and message; for a success {@code image} named by its digest with {@code dockerImageReference}
 * {@code repo@digest}, {@code tag}, and {@code manifests} for a manifest list kept whole), and {@code repository}
 * for {@code spec.repository} ({@code status}, {@code images} each with its {@code tag}, {@code additionalTags}).
 *
 * <p>Every way the call fails (no URL configured, unreachable, slower than the lookup timeout, an answer
 * other than 2xx, or one that does not fit the request) is an {@link ImportServiceException} naming the problem.
 */
@ApplicationScoped
public class ImportServiceClient {

    /**
     * How long one lookup may take in all. import-service may have to read up to 50 tags of a repository under
     * per-registry rate budgets; past this the client (oc, kubectl) is better told than kept waiting.
     */

    static final String LOOKUPS_PATH = "/api/v1/lookups";
    static final String NOT_CONFIGURED = "image import is not configured (imagestreams.import-service.url)";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_ERROR_TEXT = 300;
    private static final ObjectMapper JSON = ImageApiJson.newObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Optional<URI> lookups;
    private final Duration timeout;
    private final HttpClient http;

    @Inject
    public ImportServiceClient(StreamServiceConfig config) {
        this(config.importService().url(), config.importService().lookupTimeout());
    }

    /** @param baseUrl import-service's base URL, e.g. {@code http://import-service:8081}; empty = not configured */
    public ImportServiceClient(Optional<URI> baseUrl, Duration timeout) {
        this.lookups = baseUrl.map(ImportServiceClient::lookupsUri);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        // HTTP/1.1: no h2c upgrade dance on plain-HTTP cluster addresses, whatever import-service runs on
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * Asks import-service to look up what {@code request} names. The answer arrives on the caller's Vert.x
     * context when there is one, so the caller can go on with the reactive database client.
     *
     * @return the per-image results, index-aligned with {@code spec.images}; fails with
     *     {@link ImportServiceException}
     */
    public Uni<ImageStreamImportStatus> lookup(ImageStreamImport request) {
        return lookup(request, List.of());
    }

    /**
     * As {@link #lookup(ImageStreamImport)}, telling import-service per {@code spec.images[i]} (index-aligned)
     * which platform its target spec tag prefers from a manifest list. Sent as the body's extra field
     * {@value PlatformPreference#LOOKUP_FIELD} when any image prefers one; an import-service that does not know
     * the field ignores it.
     */
    public Uni<ImageStreamImportStatus> lookup(ImageStreamImport request, List<PlatformPreference> platforms) {
        return Uni.createFrom().deferred(() -> {
            if (lookups.isEmpty()) {
                return Uni.createFrom().failure(new ImportServiceException(NOT_CONFIGURED));
            }
            String scheme = String.valueOf(lookups.get().getScheme()).toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Uni.createFrom().failure(new ImportServiceException(
                        "image import is misconfigured: imagestreams.import-service.url must be an http or https URL"));
            }
            Context caller = Vertx.currentContext();
            Uni<ImageStreamImportStatus> answer = Uni.createFrom()
                    .completionStage(() -> http.sendAsync(post(request, platforms), HttpResponse.BodyHandlers.ofByteArray()))
                    .ifNoItem().after(timeout).failWith(TimeoutException::new)
                    .onFailure().transform(this::describe)
                    .map(response -> read(request, response));
            return caller == null ? answer : answer.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private HttpRequest post(ImageStreamImport request, List<PlatformPreference> platforms) {
        byte[] body;
        try {
            ObjectNode document = JSON.valueToTree(request);
            if (platforms.stream().anyMatch(platform -> platform != null && !platform.isEmpty())) {
                ArrayNode preferences = document.putArray(PlatformPreference.LOOKUP_FIELD);
                platforms.forEach(platform -> preferences.add(JSON.valueToTree(
                        platform == null ? PlatformPreference.NONE : platform)));
            }
            body = JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the ImageStreamImport cannot be written as JSON", e);
        }
        return HttpRequest.newBuilder(lookups.orElseThrow())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private ImageStreamImportStatus read(ImageStreamImport request, HttpResponse<byte[]> response) {
        int code = response.statusCode();
        if (code < 200 || code > 299) {
            throw failure("answered HTTP " + code + errorText(response.body()));
        }
        ImageStreamImportStatus answer;
        try {
            answer = JSON.readValue(response.body(), ImageStreamImportStatus.class);
        } catch (IOException e) {
            throw failure("answered a lookup result that is not an ImageStreamImportStatus: " + shorten(e.getMessage()));
        }
        if (answer == null) {
            throw failure("answered an empty lookup result");
        }
        // the stream is stream-service's to report; import-service has no say in it
        answer.setImport(null);
        LookupAnswers.problem(request.getSpec(), answer).ifPresent(problem -> {
            throw failure(problem);
        });
        return answer;
    }

    private Throwable describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return failure("did not answer within " + timeout.toSeconds() + "s");
        }
        if (cause instanceof ConnectException) {
            return failure("could not be reached (connection refused or timed out)");
        }
        if (cause instanceof IOException) {
            return failure("could not be reached: " + Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName()));
        }
        return cause;
    }

    private ImportServiceException failure(String problem) {
        return new ImportServiceException("import-service at " + displayed(lookups.orElseThrow()) + " " + problem);
    }

    /** The {@code message} of a Status or JSON error body, else the start of the body's text. */
    private static String errorText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode message = JSON.readTree(body).path("message");
            if (message.isTextual() && !message.asText().isBlank()) {
                return ": " + shorten(message.asText());
            }
        } catch (IOException notJson) {
            // a proxy's HTML page or plain text: the text itself says most
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + shorten(text);
    }

    private static String shorten(String text) {
        String oneLine = String.valueOf(text).replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "…";
    }

    private static URI lookupsUri(URI base) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + LOOKUPS_PATH);
    }

    /** The URL without user info, which may hold credentials: the text goes into answers and logs. */
    private static String displayed(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }
}
