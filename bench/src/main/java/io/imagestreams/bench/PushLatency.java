package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import io.imagestreams.bench.ImportService.Schedule;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Push → stream updated: pushes a new image under a tag and reads the tag's {@code imagestreamtag} from
 * stream-service every {@value #POLL_MILLIS} ms until it shows the new digest. The time runs from the registry's
 * answer to the manifest {@code PUT} (the tag has moved) to the first read that shows the new image. In between,
 * the registry notifies import-service, which checks the tag (HEAD), imports the new image and publishes the
 * result, and stream-service applies it.
 * <p>
 * A push can be missed: docker-registry sends the push event before it writes the tag (distribution's manifest
 * handler stores the manifest, which emits the event, and tags it afterwards), so a check that follows the event
 * quickly enough still finds the old digest. Once import-service has recorded a check of the tag after the push
 * that did not find the new digest, nothing else makes the tag due before its next interval: the push counts as
 * missed, with what the check found.
 */
final class PushLatency {

    static final long POLL_MILLIS = 10;
    /** How often (in istag reads) import-service's record of the tag is read to tell a missed push. */
    private static final int SCHEDULE_EVERY = 10;

    /** A push's outcome: how long until stream-service showed it, or why it was missed. */
    record Outcome(Optional<Duration> shown, String missed) {
    }

    private final HttpClient client;
    private final String streamUrl;
    private final RegistryImage registry;
    private final ImportService importService;
    private final ImportDataset data;

    PushLatency(HttpClient client, String streamUrl, RegistryImage registry, ImportService importService, ImportDataset data) {
        this.client = client;
        this.streamUrl = streamUrl;
        this.registry = registry;
        this.importService = importService;
        this.data = data;
    }

    /** Pushes generation {@code generation} of {@code tag} and waits until stream-service shows it or the push is missed. */
    Outcome measure(int tag, int generation, Duration timeout) throws InterruptedException {
        long checksBefore = importService.schedule(tag).checks();
        String digest = registry.push(data.repository(tag), data.tag(tag), data.variant(tag, generation));
        long pushed = System.nanoTime();
        long deadline = pushed + timeout.toNanos();
        HttpRequest get = Http.request(streamUrl, data.imageStreamTagPath(tag)).header("Accept", "application/json").GET().build();
        String shown = null;
        for (int read = 1; System.nanoTime() < deadline; read++) {
            String body = Http.expect(client, get, 200).body();
            long at = System.nanoTime();
            shown = Json.string(Json.object(Json.parse(body), "image", "metadata"), "name");
            if (digest.equals(shown)) {
                return new Outcome(Optional.of(Duration.ofNanos(at - pushed)), null);
            }
            if (read % SCHEDULE_EVERY == 0) {
                Schedule schedule = importService.schedule(tag);
                if (schedule.checks() > checksBefore && !digest.equals(schedule.lastDigest())) {
                    return new Outcome(Optional.empty(), data.key(tag) + ": the check after the push found " + schedule.describe());
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new BenchException("imagestreamtag " + data.key(tag) + " still shows " + shown + " " + timeout.toSeconds()
                + " s after " + digest + " was pushed, and import-service has not checked the tag since (did the registry notify it?)");
    }
}
