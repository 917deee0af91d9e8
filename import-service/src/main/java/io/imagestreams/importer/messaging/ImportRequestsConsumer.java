package io.imagestreams.importer.messaging;

import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.ImportRequested;
import io.imagestreams.api.event.ImportTag;
import io.imagestreams.importer.client.ImportOptions.CredentialLookup;
import io.imagestreams.importer.repository.ScheduleRepository;
import io.imagestreams.importer.service.CredentialService;
import io.imagestreams.importer.service.TagImporter;
import io.imagestreams.importer.service.TagImporter.Outcome;
import io.imagestreams.importer.service.TagImporter.TagImport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes stream-service's {@code ImportRequested}: imports every tag it names and publishes one result per tag
 * on {@code image-import-results}. A message that cannot be read goes to {@code image-import-requests-dlq};
 * a result that cannot be published fails the message, which the connector then dead-letters with its cause.
 * Duplicates are harmless: stream-service ignores a result that changes nothing.
 */
@ApplicationScoped
public class ImportRequestsConsumer {

    public static final String CHANNEL = "import-requests";

    private final TagImporter importer;
    private final CredentialService credentials;
    private final ImportResultsPublisher publisher;
    private final ScheduleRepository schedules;
    private final Clock clock;
    private final Counter deadLettered;

    public ImportRequestsConsumer(TagImporter importer, CredentialService credentials, ImportResultsPublisher publisher,
            ScheduleRepository schedules, Clock clock, MeterRegistry meters) {
        this.importer = importer;
        this.credentials = credentials;
        this.publisher = publisher;
        this.schedules = schedules;
        this.clock = clock;
        this.deadLettered = Counter.builder("imagestreams.import.requests").tag("outcome", "dead-lettered").register(meters);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        ImportRequested request;
        try {
            Optional<EventPayload> payload = CloudEvents.payload(message);
            if (payload.isEmpty() || !(payload.get() instanceof ImportRequested requested)) {
                throw new IllegalArgumentException("unexpected event type " + CloudEvents.type(message)
                        + " on the import requests topic");
            }
            request = requested;
        } catch (RuntimeException e) {
            deadLettered.increment();
            Log.warnf("import request sent to the dead-letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        try {
            Retries.withBackoff(() -> handle(request));
        } catch (RuntimeException e) {
            deadLettered.increment();
            Log.warnf("import request for %s/%s not answered: %s", request.namespace(), request.stream(), e.getMessage());
            return message.nack(e);
        }
        return message.ack();
    }

    void handle(ImportRequested request) {
        if (request.tags() == null || request.tags().isEmpty()) {
            return;
        }
        CredentialLookup pullCredentials = credentials.lookup(request.namespace());
        for (ImportTag tag : request.tags()) {
            boolean insecure = tag.importPolicy() != null && tag.importPolicy().insecure();
            String importMode = tag.importPolicy() == null ? null : tag.importPolicy().importMode();
            Outcome outcome = importer.importTag(new TagImport(request.namespace(), request.stream(), tag.tag(), tag.from(),
                    tag.generation(), insecure, importMode, tag.platformPreference(), false), pullCredentials);
            publisher.publish(outcome.result());
            outcome.source().ifPresent(source -> schedules.recordImport(request.namespace(), request.stream(),
                    tag.tag(), tag.from(), source, clock.instant()));
        }
    }
}
