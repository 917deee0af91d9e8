package io.imagestreams.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.CloudEventHeaders;
import io.imagestreams.api.json.ImageApiJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One Kafka record as read from the broker: a CloudEvent in binary mode (attributes in headers, data in the value). */
record EventRecord(String topic, int partition, long offset, String key, Map<String, List<String>> headers, String value) {

    static final ObjectMapper JSON = ImageApiJson.newObjectMapper();

    /** The only value of a header; fails when the header is missing or repeated. */
    String header(String name) {
        List<String> values = headers.get(name);
        assertThat(values).as("header " + name + " of " + this).isNotNull().hasSize(1);
        return values.get(0);
    }

    String id() {
        return header(CloudEventHeaders.ID);
    }

    String type() {
        return header(CloudEventHeaders.TYPE);
    }

    String subject() {
        return header(CloudEventHeaders.SUBJECT);
    }

    /** The value as a JSON tree; fails when it is not JSON. */
    JsonNode data() {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the value of " + this + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The events in the order they were first published: the at-least-once relay may publish an event more than
     * once, always under the same {@code ce_id}. Fails when two records share an id but not their content.
     */
    static List<EventRecord> distinctById(List<EventRecord> records) {
        Map<String, EventRecord> first = new LinkedHashMap<>();
        for (EventRecord record : records) {
            EventRecord earlier = first.putIfAbsent(record.id(), record);
            if (earlier != null) {
                assertThat(record.sameEventAs(earlier)).as("%s repeats the id of %s with other content", record, earlier).isTrue();
            }
        }
        return new ArrayList<>(first.values());
    }

    private boolean sameEventAs(EventRecord other) {
        return topic.equals(other.topic) && Objects.equals(key, other.key) && headers.equals(other.headers)
                && Objects.equals(value, other.value);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset + " key=" + key + " headers=" + headers + " value=" + value;
    }
}
