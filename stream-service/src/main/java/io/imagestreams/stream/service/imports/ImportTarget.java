package io.imagestreams.stream.service.imports;

import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.api.meta.GoQuote;
import io.imagestreams.stream.repository.StoredStream;
import java.util.Optional;

/**
 * The stream an {@code ImageStreamImport} names, with the preconditions its metadata sets, checked as OpenShift's
 * {@code imagestreamimport} REST checks them: a missing stream is created unless the request carried a
 * resourceVersion or uid (404); an existing one must match both (409 for the version, 404 for the uid).
 *
 * @param resourceVersion what the client sent, {@code ""} for none
 * @param uid             what the client sent, {@code ""} for none
 */
public record ImportTarget(String namespace, String name, String resourceVersion, String uid) {

    /** OpenShift names the resource in the singular in these two errors. */
    private static final String SINGULAR_RESOURCE = "imagestream";

    /** Reads the target from the request's metadata; take it before the answer fills in the metadata. */
    public static ImportTarget of(ObjectMeta meta) {
        return new ImportTarget(meta.getNamespace(), meta.getName(), orEmpty(meta.getResourceVersion()),
                orEmpty(meta.getUid()));
    }

    /**
     * @param found the stream as stored now, if any
     * @return {@code found}, when the import may go on with it (or create the stream when empty)
     * @throws StatusException 404 or 409 when the request's preconditions do not hold
     */
    public Optional<StoredStream> check(Optional<StoredStream> found) {
        if (found.isEmpty()) {
            if (!resourceVersion.isEmpty() || !uid.isEmpty()) {
                throw new StatusException(Status.notFound(ImageApi.GROUP, ImageApi.RESOURCE_IMAGE_STREAMS, name));
            }
            return found;
        }
        ObjectMeta current = found.get().stream().getMetadata();
        if (!resourceVersion.isEmpty() && !resourceVersion.equals(current.getResourceVersion())) {
            throw new StatusException(Status.conflict(ImageApi.GROUP, SINGULAR_RESOURCE, name,
                    "the image stream was updated from " + GoQuote.quote(resourceVersion) + " to "
                            + GoQuote.quote(current.getResourceVersion())));
        }
        if (!uid.isEmpty() && !uid.equals(current.getUid())) {
            throw new StatusException(Status.notFound(ImageApi.GROUP, SINGULAR_RESOURCE, name));
        }
        return found;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
