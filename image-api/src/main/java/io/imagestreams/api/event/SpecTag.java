package io.imagestreams.api.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.image.TagReference;

/**
 * A spec tag as stream events carry it.
 *
 * @param referencePolicy {@code Source} or {@code Local}
 * @param preferArch      the tag's {@code importer.image.openshift.io/prefer-arch} annotation, if set (added later:
 *                        absent in older events)
 * @param preferOs        the tag's {@code importer.image.openshift.io/prefer-os} annotation, if set (likewise)
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpecTag(String name, TagSource from, boolean reference, Long generation, ImportPolicy importPolicy,
        String referencePolicy, String preferArch, String preferOs) {

    /** A spec tag without platform preference. */
    public SpecTag(String name, TagSource from, boolean reference, Long generation, ImportPolicy importPolicy,
            String referencePolicy) {
        this(name, from, reference, generation, importPolicy, referencePolicy, null, null);
    }

    public static SpecTag of(TagReference tag) {
        PlatformPreference platform = PlatformPreference.of(tag);
        return new SpecTag(tag.getName(), TagSource.of(tag.getFrom()), tag.isReference(), tag.getGeneration(),
                ImportPolicy.of(tag.getImportPolicy()), tag.getReferencePolicy().getType(), platform.preferArch(),
                platform.preferOs());
    }

    /** The platform a {@code Legacy} import of this tag picks first from a manifest list. */
    public PlatformPreference platformPreference() {
        return new PlatformPreference(preferArch, preferOs);
    }
}
