package io.imagestreams.stream.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagestreams.api.json.ImageApiJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Responses use the API's wire format (RFC 3339 times with whole seconds). */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        ImageApiJson.configure(mapper);
    }
}
