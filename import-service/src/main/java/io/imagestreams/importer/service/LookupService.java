package io.imagestreams.importer.service;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageImportSpec;
import io.imagestreams.api.image.ImageImportStatus;
import io.imagestreams.api.image.ImageStreamImport;
import io.imagestreams.api.image.ImageStreamImportStatus;
import io.imagestreams.api.image.PlatformPreference;
import io.imagestreams.api.image.RepositoryImportSpec;
import io.imagestreams.api.image.RepositoryImportStatus;
import io.imagestreams.api.image.TagImportPolicy;
import io.imagestreams.api.meta.ObjectReference;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.reference.ImageReference;
import io.imagestreams.api.reference.InvalidImageReferenceException;
import io.imagestreams.importer.client.ImportOptions;
import io.imagestreams.importer.client.ImportOptions.CredentialLookup;
import io.imagestreams.importer.client.ImportedImage;
import io.imagestreams.importer.client.Registries;
import io.imagestreams.importer.client.RegistryException;
import io.imagestreams.importer.config.ImportServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers stream-service's {@code POST /api/v1/lookups}: what each {@code spec.images[i]} and the
 * {@code spec.repository} of an {@code ImageStreamImport} resolve to, per image a Success with the Image or a
 * Failure with the reason, as OpenShift's importer answers (§4.1 step 5). Nothing is written here: stream-service
 * applies the answer when {@code spec.import} is true.
 */
@ApplicationScoped
public class LookupService {

    private final Registries registries;
    private final ImportTargets targets;
    private final CredentialService credentials;
    private final int maxRepositoryTags;
    private final ExecutorService workers;
    private final MeterRegistry meters;

    public LookupService(Registries registries, ImportTargets targets, CredentialService credentials,
            ImportServiceConfig config, MeterRegistry meters) {
        this.registries = registries;
        this.targets = targets;
        this.credentials = credentials;
        this.maxRepositoryTags = config.lookups().maxRepositoryTags();
        this.meters = meters;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.lookups().parallelism()), task -> {
            Thread thread = new Thread(task, "lookup-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    public ImageStreamImportStatus lookup(ImageStreamImport request) {
        return lookup(request, List.of());
    }

    /**
     * @param platforms per {@code spec.images[i]} (index-aligned, shorter or empty for none) the platform the
     *                  target spec tag prefers, as stream-service read it from the tag's annotations; imports by
     *                  digest and repository imports use none, as in OpenShift
     */
    public ImageStreamImportStatus lookup(ImageStreamImport request, List<PlatformPreference> platforms) {
        String namespace = request.getMetadata().getNamespace();
        CredentialLookup pullCredentials = namespace == null ? CredentialLookup.NONE : credentials.lookup(namespace);
        // one fetch per distinct (pull spec, policy, preferred platform) in a request, as OpenShift's importer does
        Map<String, CompletableFuture<ImageImportStatus>> fetches = new HashMap<>();
        List<CompletableFuture<ImageImportStatus>> images = new ArrayList<>();
        List<ImageImportSpec> specs = request.getSpec().getImages();
        for (int i = 0; i < specs.size(); i++) {
            ImageImportSpec spec = specs.get(i);
            PlatformPreference platform = i < platforms.size() && platforms.get(i) != null ? platforms.get(i)
                    : PlatformPreference.NONE;
            images.add(fetch(fetches, spec.getFrom(), spec.getImportPolicy(), platform, pullCredentials));
        }
        ImageStreamImportStatus answer = new ImageStreamImportStatus();
        RepositoryImportSpec repository = request.getSpec().getRepository();
        if (repository != null) {
            answer.setRepository(repository(repository, pullCredentials, fetches));
        }
        answer.setImages(images.stream().map(LookupService::join).toList());
        return answer;
    }

    private RepositoryImportStatus repository(RepositoryImportSpec spec, CredentialLookup pullCredentials,
            Map<String, CompletableFuture<ImageImportStatus>> fetches) {
        RepositoryImportStatus status = new RepositoryImportStatus();
        ImageReference repository;
        try {
            repository = parse(spec.getFrom());
        } catch (IllegalArgumentException e) {
            status.setStatus(ImportFailures.invalid(e.getMessage()).withoutTypeMeta());
            return status;
        }
        TagImportPolicy policy = spec.getImportPolicy();
        List<String> tags;
        try {
            tags = registries.listTags(repository, options(repository, policy, PlatformPreference.NONE, pullCredentials));
        } catch (RegistryException e) {
            count("repository", e.reason().name());
            status.setStatus(ImportFailures.status(e).withoutTypeMeta());
            return status;
        }
        List<String> ordered = TagPriority.sort(tags.stream().map(tag -> tag.isEmpty() ? ImageReference.DEFAULT_TAG : tag)
                .filter(ImageReference::isValidTag).distinct().toList());
        int cap = maxRepositoryTags < 0 ? ordered.size() : Math.min(maxRepositoryTags, ordered.size());
        List<CompletableFuture<ImageImportStatus>> imported = new ArrayList<>();
        for (String tag : ordered.subList(0, cap)) {
            ObjectReference from = ObjectReference.of(ImageApi.KIND_DOCKER_IMAGE, repository.withTag(tag).exact());
            imported.add(fetch(fetches, from, policy, PlatformPreference.NONE, pullCredentials));
        }
        status.setImages(imported.stream().map(LookupService::join).toList());
        status.setAdditionalTags(new ArrayList<>(ordered.subList(cap, ordered.size())));
        long failed = status.getImages().stream().filter(result -> !result.getStatus().succeeded()).count();
        if (failed == 0) {
            status.setStatus(Status.success().withoutTypeMeta());
        } else {
            String message = failed == 1 ? "one of the images from this repository failed to import"
                    : failed + " of the images from this repository failed to import";
            status.setStatus(Status.failure(500, "ImportFailed", message).withoutTypeMeta());
        }
        return status;
    }

    private CompletableFuture<ImageImportStatus> fetch(Map<String, CompletableFuture<ImageImportStatus>> fetches,
            ObjectReference from, TagImportPolicy policy, PlatformPreference platform, CredentialLookup pullCredentials) {
        String key = from.getName() + "|" + policy.getImportMode() + "|" + policy.isInsecure() + "|"
                + platform.preferArch() + "|" + platform.preferOs();
        return fetches.computeIfAbsent(key, ignored -> CompletableFuture.supplyAsync(
                () -> importOne(from, policy, platform, pullCredentials), workers));
    }

    private ImageImportStatus importOne(ObjectReference from, TagImportPolicy policy, PlatformPreference platform,
            CredentialLookup pullCredentials) {
        ImageReference reference;
        try {
            reference = parse(from);
        } catch (IllegalArgumentException e) {
            count("image", "Invalid");
            return ImageImportStatus.failed(ImportFailures.invalid(e.getMessage()));
        }
        try {
            // a digest names the manifest (or the list) itself: no preference, as in OpenShift
            ImportedImage imported = registries.importImage(reference, options(reference, policy,
                    reference.hasDigest() ? PlatformPreference.NONE : platform, pullCredentials));
            count("image", "Success");
            ImageImportStatus result = ImageImportStatus.succeeded(imported.image(), reference.hasDigest() ? null : tagOf(reference));
            result.setManifests(new ArrayList<>(imported.manifests()));
            return result;
        } catch (RegistryException e) {
            count("image", e.reason().name());
            return ImageImportStatus.failed(ImportFailures.status(e));
        }
    }

    private ImportOptions options(ImageReference reference, TagImportPolicy policy, PlatformPreference platform,
            CredentialLookup pullCredentials) {
        return targets.options(reference, policy.isInsecure(), policy.getImportMode(), platform, pullCredentials);
    }

    private static String tagOf(ImageReference reference) {
        return reference.hasTag() ? reference.tag() : ImageReference.DEFAULT_TAG;
    }

    /** @throws IllegalArgumentException (also {@link InvalidImageReferenceException}) for what cannot be imported */
    private static ImageReference parse(ObjectReference from) {
        if (from == null || !ImageApi.KIND_DOCKER_IMAGE.equals(from.getKind())) {
            throw new IllegalArgumentException("only DockerImage sources can be imported, not "
                    + (from == null ? "nothing" : "\"" + from.getKind() + "\""));
        }
        return ImageReference.parse(from.getName());
    }

    private static ImageImportStatus join(CompletableFuture<ImageImportStatus> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ImageImportStatus.failed(Status.internalError(String.valueOf(cause.getMessage())));
        }
    }

    private void count(String kind, String outcome) {
        meters.counter("imagestreams.lookups", "kind", kind, "outcome", outcome).increment();
    }
}
