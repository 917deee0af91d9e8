package io.imagestreams.stream.messaging;

import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.ImportFailed;
import io.imagestreams.api.event.ImportSucceeded;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.service.ImportResultService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code image-import-results}. A message that cannot be understood (no CloudEvent type, unknown
 * type, bad JSON, a result the stream rules reject) goes to the dead-letter topic instead of blocking the
 * partition; a database hiccup is retried first.
 */
@ApplicationScoped
public class ImportResultsConsumer {

    public static final String CHANNEL = "import-results";
    private static final Set<Class<? extends EventPayload>> RESULTS = Set.of(ImportSucceeded.class, ImportFailed.class);

    private final ImportResultService results;
    private final Counter applied;
    private final Counter ignored;
    private final Counter deadLettered;

    public ImportResultsConsumer(ImportResultService results, MeterRegistry registry) {
        this.results = results;
        this.applied = Counter.builder("imagestreams.import.results").tag("outcome", "applied").register(registry);
        this.ignored = Counter.builder("imagestreams.import.results").tag("outcome", "unchanged").register(registry);
        this.deadLettered = Counter.builder("imagestreams.import.results").tag("outcome", "dead-lettered").register(registry);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        EventPayload payload;
        try {
            payload = parse(message);
        } catch (RuntimeException e) {
            return deadLetter(message, e);
        }
        return results.apply(payload)
                .onFailure(e -> !(e instanceof StatusException)).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .onItem().transformToUni(changed -> {
                    (changed ? applied : ignored).increment();
                    return Uni.createFrom().completionStage(message.ack());
                })
                .onFailure().recoverWithUni(e -> deadLetter(message, e));
    }

    private Uni<Void> deadLetter(Message<String> message, Throwable cause) {
        deadLettered.increment();
        Log.warnf("import result sent to the dead-letter topic: %s", cause.getMessage());
        return Uni.createFrom().completionStage(message.nack(cause));
    }

    static EventPayload parse(Message<String> message) {
        return IncomingEvents.parse(message, RESULTS, "import results");
    }
}
