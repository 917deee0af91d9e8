package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.image.PlatformPreference;

/**
 * One tag to import.
 *
 * @param from            the DockerImage pull spec to import from
 * @param generation      the spec tag generation the import answers
 * @param referencePolicy {@code Source} or {@code Local}
 * @param preferArch      the tag's {@code importer.image.openshift.io/prefer-arch} annotation, if set: the
 *                        architecture a {@code Legacy} import picks first from a manifest list (added later:
 *                        absent in older requests, which pick the default platform)
 * @param preferOs        the tag's {@code importer.image.openshift.io/prefer-os} annotation, if set (likewise)
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportTag(String tag, String from, long generation, ImportPolicy importPolicy,
        String referencePolicy, String preferArch, String preferOs) {

    /** A tag to import without platform preference. */
    public ImportTag(String tag, String from, long generation, ImportPolicy importPolicy, String referencePolicy) {
        this(tag, from, generation, importPolicy, referencePolicy, null, null);
    }

    /** The platform a {@code Legacy} import of this tag picks first from a manifest list. */
    public PlatformPreference platformPreference() {
        return new PlatformPreference(preferArch, preferOs);
    }
}
