package io.imagestreams.importer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.RegistryException.Reason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Requests to one registry host beyond {@code max-concurrent-per-registry} wait, and time out waiting. */
class RegistryConcurrencyTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);

    @Test
    void aRequestBeyondTheLimitWaitsForAFreeSlot() throws Exception {
        // given a registry that holds the first request until released
        CountDownLatch firstInFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RegistryTransport holding = (request, skipTls, maxBody) -> {
            firstInFlight.countDown();
            release.await(30, TimeUnit.SECONDS);
            return new RegistryResponse(request.uri(), 200,
                    HttpHeaders.of(Map.of("Docker-Content-Digest", List.of(DIGEST)), (name, value) -> true), new byte[0]);
        };
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        HttpRegistries registries = new HttpRegistries(
                TestRegistriesConfig.defaults().withLimits(1, Duration.ofMillis(300)), new RegistryBudgets(clock),
                new SimpleMeterRegistry(), clock, HostResolver.SYSTEM, holding);
        ImageReference reference = ImageReference.parse("127.0.0.1:5000/apps/web:1");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<ResolvedManifest> first = executor.submit(() -> registries.resolve(reference, ImportOptions.defaults()));
            assertThat(firstInFlight.await(10, TimeUnit.SECONDS)).isTrue();

            // when a second request finds the only slot taken
            RegistryException waited = catchThrowableOfType(RegistryException.class,
                    () -> registries.resolve(reference, ImportOptions.defaults()));

            // then it gives up after the request timeout, and the first one completes once released
            assertThat(waited.reason()).isEqualTo(Reason.Timeout);
            assertThat(waited.getMessage()).contains("for one of 1 connections to 127.0.0.1:5000");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).digest()).isEqualTo(DIGEST);
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }
}
