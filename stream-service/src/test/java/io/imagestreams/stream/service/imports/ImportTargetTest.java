package io.imagestreams.stream.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagestreams.api.image.ImageStream;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.repository.StoredStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OpenShift's preconditions between an ImageStreamImport's metadata and the stream it imports into. */
class ImportTargetTest {

    @Test
    void aMissingStreamIsCreatedOnlyWithoutPreconditions() {
        assertThat(target("", "").check(Optional.empty())).isEmpty();
        assertThatThrownBy(() -> target("", "some-uid").check(Optional.empty()))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.status().getMessage())
                        .isEqualTo("imagestreams.image.openshift.io \"app\" not found"));
    }

    @Test
    void anotherUidIsNotFoundInOpenShiftsSingularWording() {
        assertThatThrownBy(() -> target("", "other").check(stored("7", "uid-1")))
                .isInstanceOfSatisfying(StatusException.class, e -> {
                    assertThat(e.code()).isEqualTo(404);
                    assertThat(e.status().getMessage()).isEqualTo("imagestream.image.openshift.io \"app\" not found");
                });
    }

    @Test
    void matchingPreconditionsLetTheImportGoOn() {
        Optional<StoredStream> found = stored("7", "uid-1");

        assertThat(target("7", "uid-1").check(found)).isEqualTo(found);
        assertThatThrownBy(() -> target("6", "uid-1").check(found))
                .isInstanceOfSatisfying(StatusException.class, e -> assertThat(e.code()).isEqualTo(409));
    }

    private static ImportTarget target(String resourceVersion, String uid) {
        ObjectMeta meta = ObjectMeta.of("demo", "app");
        meta.setResourceVersion(resourceVersion);
        meta.setUid(uid);
        return ImportTarget.of(meta);
    }

    private static Optional<StoredStream> stored(String resourceVersion, String uid) {
        ImageStream stream = ImageStream.of("demo", "app");
        stream.getMetadata().setResourceVersion(resourceVersion);
        stream.getMetadata().setUid(uid);
        return Optional.of(new StoredStream(1L, stream, Map.of()));
    }
}
