package io.imagestreams.prune.service;

import io.imagestreams.api.event.CloudEventHeaders;
import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.Topics;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.prune.repository.ProjectionRepository;
import io.imagestreams.prune.repository.ProjectionStateRepository;
import io.imagestreams.prune.rest.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rebuilds the projection from the beginning of {@code image-stream-events}, which is kept forever: empties the
 * projection, reads every partition from offset 0 up to the end offsets seen at the start with a plain consumer
 * (outside the service's consumer group, so its committed offsets stay as they are), and applies each event as
 * the live consumer would. Live events wait meanwhile; afterwards they continue, and those the rebuild already
 * applied are recognised by their ids.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(60);
    private static final int PROGRESS_EVERY = 200;

    private final Pool pool;
    private final ProjectionRepository projection;
    private final ProjectionStateRepository state;
    private final ProjectionService events;
    private final ProjectionGate gate;
    private final Clock clock;
    private final String bootstrapServers;

    public ProjectionRebuild(Pool pool, ProjectionRepository projection, ProjectionStateRepository state, ProjectionService events,
            ProjectionGate gate, Clock clock, @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers) {
        this.pool = pool;
        this.projection = projection;
        this.state = state;
        this.events = events;
        this.gate = gate;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers.orElse("");
    }

    /** Starts a rebuild in the background; 409 when one is running. */
    public void start() {
        if (bootstrapServers.isEmpty()) {
            throw new ApiException(503, "no Kafka broker configured (kafka.bootstrap.servers)", null);
        }
        if (!gate.close()) {
            throw ApiException.conflict("a rebuild is already running");
        }
        try {
            pool.withTransaction(c -> state.started(c, clock.instant()).flatMap(ignored -> projection.clear(c))).await().atMost(DB_TIMEOUT);
        } catch (RuntimeException e) {
            gate.open();
            throw e;
        }
        Infrastructure.getDefaultWorkerPool().execute(this::run);
    }

    private void run() {
        long read = 0;
        String error = null;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.IMAGE_STREAM_EVENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            long total = 0;
            for (TopicPartition partition : partitions) {
                total += end.get(partition) - beginning.get(partition);
            }
            long totalEvents = total;
            pool.withConnection(c -> state.progress(c, 0, totalEvents)).await().atMost(DB_TIMEOUT);
            while (!caughtUp(consumer, partitions, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // newer than the rebuild's snapshot: the live consumer applies it
                    }
                    apply(record);
                    read++;
                    if (read % PROGRESS_EVERY == 0) {
                        long progress = read;
                        pool.withConnection(c -> state.progress(c, progress, totalEvents)).await().atMost(DB_TIMEOUT);
                    }
                }
            }
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Log.errorf(e, "projection rebuild failed after %d events", read);
        } finally {
            long done = read;
            String failure = error;
            try {
                pool.withConnection(c -> state.finished(c, clock.instant(), done, failure)).await().atMost(DB_TIMEOUT);
            } finally {
                gate.open();
            }
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null || record.value() == null) {
            Log.warnf("skipped a record without CloudEvent id or type at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        Optional<EventPayload> payload;
        try {
            payload = ProjectionService.parse(type, record.value());
        } catch (IllegalArgumentException e) {
            Log.warnf("skipped an unreadable event %s: %s", id, e.getMessage());
            return;
        }
        if (payload.isEmpty()) {
            return;
        }
        String time = header(record, CloudEventHeaders.TIME);
        Instant at = time == null ? Instant.ofEpochMilli(record.timestamp()) : Rfc3339.parse(time);
        events.apply(id, payload.get(), at).await().atMost(DB_TIMEOUT);
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "prune-service-projection-rebuild");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return properties;
    }
}
