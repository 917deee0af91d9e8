package io.imagestreams.importer.service;

import io.imagestreams.api.event.EventPayload;
import io.imagestreams.api.event.ImportFailed;
import io.imagestreams.api.event.ImportSucceeded;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.importer.client.ImportOptions.CredentialLookup;
import io.imagestreams.importer.client.ImportedImage;
import io.imagestreams.importer.client.Registries;
import io.imagestreams.importer.client.RegistryException;
import io.imagestreams.importer.repository.SourceManifest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Imports one spec tag for stream-service and words the outcome as the event it publishes: ImportSucceeded with
 * the image ({@code repo@digest}, children for {@code PreserveOriginal}) or ImportFailed with the reason.
 */
@ApplicationScoped
public class TagImporter {

    /**
     * A tag to import: its stream, the pull spec, its policy, and the spec generation the result answers.
     *
     * @param platform     the platform the tag prefers from a manifest list ({@code importer.image.openshift.io/
     *                     prefer-arch|prefer-os}); ignored when {@code from} names a digest
     * @param scheduled    a scheduled check (its result names {@code from} as {@code scheduledFrom}) rather than an
     *                     answer to ImportRequested
     * @param pushedDigest when not null, the digest a registry announced for {@code from}'s tag: imported by digest,
     *                     as the registry may announce a push before the tag points at it (the tag's preference
     *                     still applies: it is the tag that is imported)
     */
    public record TagImport(String namespace, String stream, String tag, String from, long generation, boolean insecure,
            String importMode, PlatformPreference platform, boolean scheduled, String pushedDigest) {

        public TagImport {
            platform = platform == null ? PlatformPreference.NONE : platform;
        }

        public TagImport(String namespace, String stream, String tag, String from, long generation, boolean insecure,
                String importMode, PlatformPreference platform, boolean scheduled) {
            this(namespace, stream, tag, from, generation, insecure, importMode, platform, scheduled, null);
        }

        String scheduledFrom() {
            return scheduled ? from : null;
        }
    }

    /**
     * @param result the event to publish
     * @param source what the registry served for {@code from} (digest, media type, children of a list); empty when
     *               the import failed
     */
    public record Outcome(EventPayload result, Optional<SourceManifest> source) {

        /** The digest the registry served for {@code from}; empty when the import failed. */
        public Optional<String> sourceDigest() {
            return source.map(SourceManifest::digest);
        }
    }

    private final Registries registries;
    private final ImportTargets targets;
    private final MeterRegistry meters;

    public TagImporter(Registries registries, ImportTargets targets, MeterRegistry meters) {
        this.registries = registries;
        this.targets = targets;
        this.meters = meters;
    }

    public Outcome importTag(TagImport request, CredentialLookup credentials) {
        ImageReference reference;
        PlatformPreference platform;
        try {
            reference = ImageReference.parse(request.from());
            // a spec tag that names a digest imports that manifest (or list) as it is: no preference, as in OpenShift
            platform = reference.hasDigest() ? PlatformPreference.NONE : request.platform();
            if (request.pushedDigest() != null) {
                reference = reference.withDigest(request.pushedDigest());
            }
        } catch (IllegalArgumentException e) {
            return failed(request, "Invalid", e.getMessage());
        }
        try {
            ImportedImage imported = registries.importImage(reference,
                    targets.options(reference, request.insecure(), request.importMode(), platform, credentials));
            meters.counter("imagestreams.imports", "outcome", "Success").increment();
            return new Outcome(new ImportSucceeded(request.namespace(), request.stream(), request.tag(), request.generation(),
                    imported.image(), imported.image().getDockerImageReference(),
                    imported.manifests().isEmpty() ? null : imported.manifests(), request.scheduledFrom()),
                    Optional.of(new SourceManifest(imported.sourceDigest(), imported.sourceMediaType(),
                            imported.sourceChildren())));
        } catch (RegistryException e) {
            return failed(request, e.reason().name(), e.getMessage());
        }
    }

    private Outcome failed(TagImport request, String reason, String message) {
        meters.counter("imagestreams.imports", "outcome", reason).increment();
        return new Outcome(new ImportFailed(request.namespace(), request.stream(), request.tag(), request.generation(),
                reason, message, request.scheduledFrom()), Optional.empty());
    }
}
