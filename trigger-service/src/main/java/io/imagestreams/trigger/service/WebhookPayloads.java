package io.imagestreams.trigger.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.event.EventSources;
import io.imagestreams.api.event.EventTypes;
import io.imagestreams.api.json.Rfc3339;
import io.imagestreams.trigger.repository.DeliveryEvent;
import io.imagestreams.trigger.repository.TagImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of a webhook request: a CloudEvent 1.0 in structured JSON mode. */
final class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPayloads() {
    }

    static String cloudEvent(String triggerId, DeliveryEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("namespace", event.namespace());
        data.put("stream", event.stream());
        data.put("tag", event.tag());
        data.put("generation", event.generation());
        data.put("image", image(event.image()));
        if (event.previousImage() != null) {
            data.put("previousImage", image(event.previousImage()));
        }
        data.put("triggerId", triggerId);
        data.put("reason", event.reason().wire());
        Map<String, Object> cloudEvent = new LinkedHashMap<>();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", event.eventId());
        cloudEvent.put("source", EventSources.TRIGGER_SERVICE);
        cloudEvent.put("type", EventTypes.TAG_UPDATED);
        cloudEvent.put("subject", event.namespace() + "/" + event.stream() + ":" + event.tag());
        cloudEvent.put("time", Rfc3339.format(event.occurredAt()));
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("data", data);
        try {
            return JSON.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }

    private static Map<String, Object> image(TagImage.Image image) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("digest", image.digest());
        json.put("pullSpec", image.pullSpec());
        json.put("dockerImageReference", image.dockerImageReference());
        return json;
    }
}
