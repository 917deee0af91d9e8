package io.imagestreams.stream.rest.discovery;

import static io.imagestreams.stream.rest.discovery.Verb.CREATE;
import static io.imagestreams.stream.rest.discovery.Verb.DELETE;
import static io.imagestreams.stream.rest.discovery.Verb.DELETECOLLECTION;
import static io.imagestreams.stream.rest.discovery.Verb.GET;
import static io.imagestreams.stream.rest.discovery.Verb.LIST;
import static io.imagestreams.stream.rest.discovery.Verb.PATCH;
import static io.imagestreams.stream.rest.discovery.Verb.UPDATE;
import static io.imagestreams.stream.rest.discovery.Verb.WATCH;

import io.imagestreams.api.image.ImageApi;
import java.util.List;
import java.util.Optional;

/**
 * The one list of what {@code image.openshift.io/v1} serves (reference §8). Discovery is built from it; the
 * API endpoints can ask it which verbs a resource answers. Add a resource here when its endpoint exists, so
 * kubectl never offers something that answers 404.
 */
public final class ImageApiResources {

    private static final List<Verb> READ_WRITE_WATCH =
            List.of(CREATE, DELETE, DELETECOLLECTION, GET, LIST, PATCH, UPDATE, WATCH);

    private static final List<ServedResource> ALL = List.of(
            // Images are written by mappings and imports; only what is served is advertised
            new ServedResource(ImageApi.RESOURCE_IMAGES, null, "image", ImageApi.KIND_IMAGE, Scope.CLUSTER,
                    List.of(CREATE, DELETE, GET, LIST), List.of(), List.of()),
            new ServedResource(ImageApi.RESOURCE_IMAGE_STREAM_IMAGES, null, "imagestreamimage",
                    ImageApi.KIND_IMAGE_STREAM_IMAGE, Scope.NAMESPACED, List.of(GET), List.of("isimage"), List.of()),
            new ServedResource(ImageApi.RESOURCE_IMAGE_STREAM_IMPORTS, null, "imagestreamimport",
                    ImageApi.KIND_IMAGE_STREAM_IMPORT, Scope.NAMESPACED, List.of(CREATE), List.of(), List.of()),
            new ServedResource(ImageApi.RESOURCE_IMAGE_STREAM_MAPPINGS, null, "imagestreammapping",
                    ImageApi.KIND_IMAGE_STREAM_MAPPING, Scope.NAMESPACED, List.of(CREATE), List.of(), List.of()),
            new ServedResource(ImageApi.RESOURCE_IMAGE_STREAMS, null, "imagestream", ImageApi.KIND_IMAGE_STREAM,
                    Scope.NAMESPACED, READ_WRITE_WATCH, List.of("is"), List.of("all")),
            new ServedResource(ImageApi.RESOURCE_IMAGE_STREAMS, "status", "", ImageApi.KIND_IMAGE_STREAM,
                    Scope.NAMESPACED, List.of(GET, PATCH, UPDATE), List.of(), List.of()),
            new ServedResource(ImageApi.RESOURCE_IMAGE_STREAM_TAGS, null, "imagestreamtag",
                    ImageApi.KIND_IMAGE_STREAM_TAG, Scope.NAMESPACED, List.of(CREATE, DELETE, GET, LIST, PATCH, UPDATE),
                    List.of("istag"), List.of()));

    private ImageApiResources() {
    }

    /** Every served resource and subresource, sorted by name as the API server lists them. */
    public static List<ServedResource> all() {
        return ALL;
    }

    /** The resource called {@code name} ({@code imagestreams}, {@code imagestreams/status}), if served. */
    public static Optional<ServedResource> find(String name) {
        return ALL.stream().filter(resource -> resource.name().equals(name)).findFirst();
    }

    /** Whether {@code name} is served and answers {@code verb}. */
    public static boolean supports(String name, Verb verb) {
        return find(name).map(resource -> resource.supports(verb)).orElse(false);
    }

    /** The subresources of {@code resource}, in registry order. */
    public static List<ServedResource> subresourcesOf(String resource) {
        return ALL.stream().filter(r -> r.isSubresource() && r.resource().equals(resource)).toList();
    }
}
