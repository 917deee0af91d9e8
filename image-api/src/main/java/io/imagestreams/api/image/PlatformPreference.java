package io.imagestreams.api.image;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.Map;

/**
 * The platform a {@code Legacy} import picks first from a manifest list, as the target spec tag's annotations
 * {@value ImageAnnotations#IMPORTER_PREFER_ARCH} and {@value ImageAnnotations#IMPORTER_PREFER_OS} ask for
 * (OpenShift's importer reads them from the tag an image is imported into). Either part may be unset; a blank
 * value counts as unset.
 *
 * <p>stream-service sends these to import-service in ImportRequested tags and stream events (fields
 * {@code preferArch} / {@code preferOs}) and, for {@code imagestreamimports}, as the extra top-level field
 * {@value #LOOKUP_FIELD} of the lookup request: one entry per {@code spec.images[i]}, index-aligned, {@code {}}
 * or {@code null} for none. A receiver that does not know the field ignores it (no preference).
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformPreference(String preferArch, String preferOs) {

    /** No preference: the configured default platform is picked. */
    public static final PlatformPreference NONE = new PlatformPreference(null, null);

    /** The top-level field of a lookup request ({@code POST /api/v1/lookups}) that carries the preferences. */
    public static final String LOOKUP_FIELD = "platformPreferences";

    public PlatformPreference {
        preferArch = blankToNull(preferArch);
        preferOs = blankToNull(preferOs);
    }

    /** The preference the importer annotations of a spec tag ask for (none for {@code null}). */
    public static PlatformPreference of(TagReference tag) {
        return tag == null ? NONE : of(tag.getAnnotations());
    }

    public static PlatformPreference of(Map<String, String> annotations) {
        if (annotations == null) {
            return NONE;
        }
        return new PlatformPreference(annotations.get(ImageAnnotations.IMPORTER_PREFER_ARCH),
                annotations.get(ImageAnnotations.IMPORTER_PREFER_OS));
    }

    @JsonIgnore
    public boolean isEmpty() {
        return preferArch == null && preferOs == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
