package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.image.TagImportPolicy;

/** A tag's import policy as events carry it. */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportPolicy(boolean insecure, boolean scheduled, String importMode) {

    public static ImportPolicy of(TagImportPolicy policy) {
        return new ImportPolicy(policy.isInsecure(), policy.isScheduled(), policy.getImportMode());
    }
}
