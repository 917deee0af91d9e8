package io.imagestreams.stream.rest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageApiResourcesTest {

    @Test
    void listsTheServedResourcesSortedByName() {
        assertThat(ImageApiResources.all()).extracting(ServedResource::name).containsExactly("images",
                "imagestreamimages", "imagestreamimports", "imagestreammappings", "imagestreams",
                "imagestreams/status", "imagestreamtags");
    }

    @Test
    void everySubresourceHasItsResourceAndKind() {
        for (ServedResource subresource : ImageApiResources.all()) {
            if (subresource.isSubresource()) {
                ServedResource parent = ImageApiResources.find(subresource.resource()).orElseThrow();
                assertThat(subresource.kind()).isEqualTo(parent.kind());
                assertThat(subresource.scope()).isEqualTo(parent.scope());
                assertThat(subresource.singular()).isEmpty();
            }
        }
    }

    @Test
    void imageStreamsAreNamespacedWithShortNameAndCategory() {
        // when
        ServedResource streams = ImageApiResources.find("imagestreams").orElseThrow();

        // then
        assertThat(streams.namespaced()).isTrue();
        assertThat(streams.shortNames()).containsExactly("is");
        assertThat(streams.categories()).containsExactly("all");
        assertThat(streams.verbs()).containsExactly(Verb.values());
    }

    @Test
    void answersWhichVerbsAResourceSupports() {
        assertThat(ImageApiResources.supports("imagestreamtags", Verb.PATCH)).isTrue();
        assertThat(ImageApiResources.supports("imagestreamtags", Verb.WATCH)).isFalse();
        assertThat(ImageApiResources.supports("imagestreams/status", Verb.UPDATE)).isTrue();
        assertThat(ImageApiResources.supports("imagestreams/layers", Verb.GET)).isFalse();
        assertThat(ImageApiResources.find("images").orElseThrow().namespaced()).isFalse();
        // only the verbs the service answers for images: no watch, patch, update or deletecollection
        assertThat(ImageApiResources.supports("images", Verb.WATCH)).isFalse();
        assertThat(ImageApiResources.supports("images", Verb.UPDATE)).isFalse();
        assertThat(ImageApiResources.supports("images", Verb.LIST)).isTrue();
    }

    @Test
    void verbsAreKeptSortedAndUnique() {
        // when
        ServedResource resource = new ServedResource("things", null, "thing", "Thing", Scope.CLUSTER,
                List.of(Verb.WATCH, Verb.GET, Verb.WATCH, Verb.CREATE), List.of(), List.of());

        // then
        assertThat(resource.verbs()).containsExactly(Verb.CREATE, Verb.GET, Verb.WATCH);
    }
}
