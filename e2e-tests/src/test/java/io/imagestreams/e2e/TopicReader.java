package io.imagestreams.e2e;

import static org.awaitility.Awaitility.await;

import io.imagestreams.api.event.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic of the suite's broker from the beginning, as a consumer group of its own, and keeps every record
 * it has seen. Not thread-safe: the awaits poll in the calling thread.
 */
final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<EventRecord> records = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + topic + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "e2e-reader-" + topic);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
    }

    /**
     * Polls until {@code assertion} holds for the records with {@code key} read so far (in partition order), and
     * returns those records.
     */
    List<EventRecord> awaitRecords(String key, Duration atMost, Consumer<List<EventRecord>> assertion) {
        await(topic + " records with key " + key).atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    poll();
                    List<EventRecord> read = recordsWithKey(key);
                    try {
                        assertion.accept(read);
                    } catch (AssertionError e) {
                        throw new AssertionError(e.getMessage() + "\nAll records read with key " + key + ":\n" + summary(read), e);
                    }
                });
        return recordsWithKey(key);
    }

    /** The records read so far that match. */
    List<EventRecord> records(Predicate<EventRecord> filter) {
        return records.stream().filter(filter).toList();
    }

    /** One line per record: offset, type, subject and id. */
    static String summary(List<EventRecord> records) {
        StringBuilder lines = new StringBuilder();
        for (EventRecord record : records) {
            lines.append("  ").append(record.topic()).append('-').append(record.partition()).append('@').append(record.offset())
                    .append(' ').append(record.headers().get(CloudEventHeaders.TYPE)).append(' ').append(record.headers().get(CloudEventHeaders.SUBJECT))
                    .append(" id=").append(record.headers().get(CloudEventHeaders.ID)).append('\n');
        }
        return lines.toString();
    }

    private List<EventRecord> recordsWithKey(String key) {
        return records(r -> key.equals(r.key()));
    }

    private void poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.computeIfAbsent(header.key(), k -> new ArrayList<>())
                        .add(header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            records.add(new EventRecord(record.topic(), record.partition(), record.offset(), record.key(),
                    Collections.unmodifiableMap(headers), record.value()));
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
