package io.imagestreams.bench;

import io.imagestreams.bench.Http.BenchException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Push → stream updated: pushes a new image under a tag and reads the tag's {@code imagestreamtag} from
 * stream-service every {@value #POLL_MILLIS} ms until it shows the new digest. The time runs from the registry's
 * answer to the manifest {@code PUT} (the tag has moved) to the first read that shows the new image. In between,
 * the registry notifies import-service, which checks the tag (HEAD), imports the new image and publishes the
 * result, and stream-service applies it.
 */
final class PushLatency {

    static final long POLL_MILLIS = 10;

    private final HttpClient client;
    private final String streamUrl;
    private final RegistryImage registry;
    private final ImportDataset data;

    PushLatency(HttpClient client, String streamUrl, RegistryImage registry, ImportDataset data) {
        this.client = client;
        this.streamUrl = streamUrl;
        this.registry = registry;
        this.data = data;
    }

    /** Pushes generation {@code generation} of {@code tag} and returns how long until stream-service shows it. */
    Duration measure(int tag, int generation, Duration timeout) throws InterruptedException {
        String digest = registry.push(data.repository(tag), data.tag(tag), data.variant(tag, generation));
        long pushed = System.nanoTime();
        long deadline = pushed + timeout.toNanos();
        HttpRequest get = Http.request(streamUrl, data.imageStreamTagPath(tag)).header("Accept", "application/json").GET().build();
        String shown = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = Http.expect(client, get, 200);
            long read = System.nanoTime();
            shown = Json.string(Json.object(Json.parse(answer.body()), "image", "metadata"), "name");
            if (digest.equals(shown)) {
                return Duration.ofNanos(read - pushed);
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new BenchException("imagestreamtag " + data.key(tag) + " still shows " + shown + " " + timeout.toSeconds()
                + " s after " + digest + " was pushed (did the registry notify import-service?)");
    }
}
