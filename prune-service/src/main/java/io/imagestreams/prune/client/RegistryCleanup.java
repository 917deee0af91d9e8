package io.imagestreams.prune.client;

import io.imagestreams.prune.config.PruneServiceConfig;
import io.imagestreams.prune.repository.RunRepository;
import io.imagestreams.prune.repository.RunRepository.RunImage;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Deletes the manifests of deleted images from the one managed registry, when one is configured
 * ({@code DELETE /v2/<repo>/manifests/<digest>}, OCI distribution). 404 counts as success; other failures are
 * recorded per image and not retried.
 */
@ApplicationScoped
public class RegistryCleanup {

    public static final String DELETED = "Deleted";
    public static final String FAILED = "Failed";
    private static final int BATCH = 100;

    private final Pool pool;
    private final RunRepository runs;
    private final PruneServiceConfig config;
    private final HttpClient http;

    public RegistryCleanup(Pool pool, RunRepository runs, PruneServiceConfig config) {
        this.pool = pool;
        this.runs = runs;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.registry().timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Deletes the manifests still pending; returns how many were tried. */
    public Uni<Integer> deletePending() {
        if (config.registry().url().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return pool.withConnection(c -> runs.pendingRegistryDeletes(c, BATCH)).flatMap(pending -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (RunImage image : pending) {
                chain = chain.flatMap(count -> Uni.createFrom().item(() -> delete(image)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .flatMap(outcome -> pool.withConnection(c -> runs.registryOutcome(c, image.runId(), image.digest(), outcome.status(),
                                outcome.error())))
                        .replaceWith(count + 1));
            }
            return chain;
        });
    }

    private Outcome delete(RunImage image) {
        URI base = config.registry().url().orElseThrow();
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        URI uri = base.resolve(path + "/v2/" + image.repository() + "/manifests/" + image.digest());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(config.registry().timeout()).DELETE();
        if (config.registry().username().isPresent()) {
            String credentials = config.registry().username().get() + ":" + config.registry().password().orElse("");
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status == 202 || status == 200 || status == 204 || status == 404) {
                return new Outcome(DELETED, null);
            }
            return new Outcome(FAILED, "the registry answered " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(FAILED, "interrupted");
        } catch (Exception e) {
            Log.warnf("deleting %s@%s from the registry failed: %s", image.repository(), image.digest(), e.getMessage());
            return new Outcome(FAILED, "the registry could not be reached: " + e.getMessage());
        }
    }

    private record Outcome(String status, String error) {
    }
}
