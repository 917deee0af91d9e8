package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The peer of scheduled checks: what a script polling the registry with skopeo runs to learn each tag's digest,
 * {@code skopeo inspect --raw --tls-verify=false docker://<registry>/<repository>:<tag>} (the manifest exactly as
 * the registry serves it, whose SHA-256 is the digest a manifest HEAD reports), one process per tag, with
 * {@code parallelism} processes at once. The digest is computed here and compared with the pushed one, so a
 * round only counts when every answer was right.
 */
final class SkopeoChecks {

    private final String skopeo;
    private final ImportDataset data;
    private final String registryHostPort;
    private final String[] digests;

    SkopeoChecks(String skopeo, ImportDataset data, String registryHostPort, String[] digests) {
        this.skopeo = skopeo;
        this.data = data;
        this.registryHostPort = registryHostPort;
        this.digests = digests;
    }

    /** The command that checks one tag. */
    List<String> command(int tag) {
        return List.of(skopeo, "inspect", "--raw", "--tls-verify=false", "docker://" + data.pullSpec(registryHostPort, tag));
    }

    /** Checks every tag in {@code tags}, {@code parallelism} at a time; returns how long that took. */
    Duration round(List<Integer> tags, int parallelism) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            long begin = System.nanoTime();
            List<Future<?>> checks = new ArrayList<>();
            for (int tag : tags) {
                checks.add(pool.submit(() -> {
                    check(tag);
                    return null;
                }));
            }
            for (Future<?> check : checks) {
                check.get();
            }
            return Duration.ofNanos(System.nanoTime() - begin);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BenchException bench ? bench
                    : new BenchException("skopeo check failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs skopeo for one tag and checks the digest of what it printed. */
    void check(int tag) {
        List<String> command = command(tag);
        try {
            Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] manifest;
            byte[] errors;
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                manifest = stdout.readAllBytes();
                errors = stderr.readAllBytes();
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new BenchException(String.join(" ", command) + " exited with " + exit + ": "
                        + new String(errors, StandardCharsets.UTF_8).trim());
            }
            String digest = "sha256:" + Dataset.sha256Hex(manifest);
            if (!digest.equals(digests[tag])) {
                throw new BenchException(String.join(" ", command) + " printed a manifest with digest " + digest + ", expected "
                        + digests[tag]);
            }
        } catch (IOException e) {
            throw new BenchException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while running skopeo", e);
        }
    }
}
