package io.imagestreams.stream.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.stream.config.StreamServiceConfig;
import io.imagestreams.stream.config.StreamServiceConfig.Auth;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The keys tokens may be signed with: the configured PEM files (read at start) and the JWK Set of the configured
 * URL (fetched at start, every {@code jwks-refresh}, and when a token names a key id not seen yet, at most every
 * 30 s, so a provider's key rotation is picked up without a restart).
 */
@ApplicationScoped
public class SigningKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MIN_REFETCH_NANOS = Duration.ofSeconds(30).toNanos();

    private final Auth.Jwt config;
    private final boolean enabled;
    private final List<PublicKey> fileKeys = new ArrayList<>();
    private final AtomicReference<Map<String, PublicKey>> jwks = new AtomicReference<>(Map.of());
    private final AtomicLong lastFetch = new AtomicLong(System.nanoTime() - MIN_REFETCH_NANOS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private long timer = -1;

    public SigningKeys(StreamServiceConfig config) {
        this.config = config.auth().jwt();
        this.enabled = config.auth().mode() == Auth.Mode.JWT;
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        if (!enabled) {
            return;
        }
        if (config.issuer().isEmpty()) {
            throw new IllegalStateException("imagestreams.auth.mode=jwt needs imagestreams.auth.jwt.issuer");
        }
        if (config.publicKeyLocation().isEmpty() && config.jwksUrl().isEmpty()) {
            throw new IllegalStateException(
                    "imagestreams.auth.mode=jwt needs imagestreams.auth.jwt.public-key-location or imagestreams.auth.jwt.jwks-url");
        }
        for (Path file : config.publicKeyLocation().orElse(List.of())) {
            try {
                fileKeys.addAll(PublicKeys.fromPem(Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read imagestreams.auth.jwt.public-key-location " + file, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("imagestreams.auth.jwt.public-key-location " + file + ": " + e.getMessage());
            }
        }
        config.jwksUrl().ifPresent(url -> {
            fetch(url).join();
            timer = vertx.setPeriodic(config.jwksRefresh().toMillis(), id -> fetch(url));
        });
        Log.infof("API authentication: JWT bearer tokens of issuer %s (%d key(s) from files%s)", config.issuer().get(), fileKeys.size(),
                config.jwksUrl().map(url -> ", JWK Set " + url).orElse(""));
    }

    void stop(@Observes ShutdownEvent event, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** The keys a token with key id {@code kid} ({@code ""}: none) may be signed with. */
    public Collection<PublicKey> candidates(String kid) {
        Map<String, PublicKey> set = jwks.get();
        List<PublicKey> keys = new ArrayList<>(fileKeys);
        if (kid.isEmpty()) {
            keys.addAll(set.values());
        } else if (set.containsKey(kid)) {
            keys.add(set.get(kid));
        } else {
            config.jwksUrl().ifPresent(this::refetchSoon); // perhaps a rotated key: this token fails, the next may not
        }
        return keys;
    }

    private void refetchSoon(URI url) {
        long last = lastFetch.get();
        if (System.nanoTime() - last >= MIN_REFETCH_NANOS && lastFetch.compareAndSet(last, System.nanoTime())) {
            fetch(url);
        }
    }

    private CompletableFuture<Void> fetch(URI url) {
        lastFetch.set(System.nanoTime());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                Log.warnf("JWK Set %s answered %d; keeping the %d key(s) fetched before", url, response.statusCode(), jwks.get().size());
                return;
            }
            try {
                Map<String, PublicKey> keys = PublicKeys.fromJwks(JSON.readTree(response.body()));
                jwks.set(Map.copyOf(keys));
                Log.debugf("JWK Set %s: %d signing key(s)", url, keys.size());
            } catch (IOException e) {
                Log.warnf("JWK Set %s is not JSON; keeping the keys fetched before", url);
            }
        }).exceptionally(e -> {
            Log.warnf("JWK Set %s could not be fetched (%s); keeping the %d key(s) fetched before", url, e.getMessage(), jwks.get().size());
            return null;
        });
    }
}
