package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * One tag to import.
 *
 * @param from            the DockerImage pull spec to import from
 * @param generation      the spec tag generation the import answers
 * @param referencePolicy {@code Source} or {@code Local}
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportTag(String tag, String from, long generation, ImportPolicy importPolicy,
        String referencePolicy) {
}
