package io.imagestreams.stream.rest.patch;

import java.util.Locale;

/** The four patch formats a Kubernetes API server accepts, told apart by the request's Content-Type. */
public enum PatchType {

    /** RFC 6902 JSON Patch, sent by {@code kubectl patch --type json}. */
    JSON_PATCH("application/json-patch+json"),
    /** RFC 7386 JSON Merge Patch, sent by {@code kubectl patch --type merge} and client-side {@code kubectl apply}. */
    MERGE_PATCH("application/merge-patch+json"),
    /** Kubernetes strategic merge patch, the default of {@code kubectl patch}. */
    STRATEGIC_MERGE_PATCH("application/strategic-merge-patch+json"),
    /** Server-side apply, sent by {@code kubectl apply --server-side}. */
    APPLY_PATCH("application/apply-patch+yaml");

    private final String mediaType;

    PatchType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * The patch type of a Content-Type header; parameters such as {@code charset} are ignored, as the apiserver cuts
     * the header at the first {@code ;}.
     *
     * @throws io.imagestreams.api.meta.StatusException {@code 415 UnsupportedMediaType} for anything else
     */
    public static PatchType fromContentType(String contentType) {
        if (contentType != null) {
            int semicolon = contentType.indexOf(';');
            String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                    .trim().toLowerCase(Locale.ROOT);
            for (PatchType type : values()) {
                if (type.mediaType.equals(mediaType)) {
                    return type;
                }
            }
        }
        throw PatchErrors.unsupportedMediaType();
    }
}
