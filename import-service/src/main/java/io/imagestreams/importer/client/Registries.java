package io.imagestreams.importer.client;

import io.imagestreams.api.reference.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * What the import flows need from container registries (OCI distribution API). Implementations block the calling
 * thread; callers run on worker threads. Every method first applies the target policy (allowed registries,
 * link-local and metadata addresses refused) and refuses a forbidden target before any connection.
 */
public interface Registries {

    /**
     * One conditional check: the digest {@code reference} (a tag or a digest) resolves to now, from a single
     * manifest {@code HEAD} when the registry answers it with {@code Docker-Content-Digest} (plus authentication
     * round trips only when the registry challenges and no cached token fits).
     */
    ResolvedManifest resolve(ImageReference reference, ImportOptions options) throws RegistryException;

    /**
     * A full import: the manifest (verified against its digest), the config blob, and for manifest lists the
     * children as {@code options.importMode()} asks, as OpenShift {@code Image} objects.
     */
    ImportedImage importImage(ImageReference reference, ImportOptions options) throws RegistryException;

    /** Every tag of {@code repository} (its tag/digest ignored), following {@code Link} pages, in the registry's order. */
    List<String> listTags(ImageReference repository, ImportOptions options) throws RegistryException;

    /**
     * How the registry at {@code authority} ({@code host[:port]} requests go to) has asked to authenticate since
     * this service started; empty when it has not answered yet.
     */
    default Optional<RegistryAuth> auth(String authority) {
        return Optional.empty();
    }
}
