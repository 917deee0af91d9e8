package io.imagestreams.stream.service;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.image.ImageApi;
import io.imagestreams.api.image.ImageList;
import io.imagestreams.api.meta.ListMeta;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.api.meta.Status;
import io.imagestreams.api.meta.StatusException;
import io.imagestreams.stream.repository.ImageRepository;
import io.imagestreams.stream.repository.ImageStreamRepository;
import io.imagestreams.stream.service.validation.ImageValidator;
import io.imagestreams.stream.service.validation.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cluster-scoped {@code images}, named by manifest digest. */
@ApplicationScoped
public class ImageService {

    private final Pool pool;
    private final ImageRepository images;
    private final ImageStreamRepository streams;
    private final ImageValidator validator = new ImageValidator();

    public ImageService(Pool pool, ImageRepository images, ImageStreamRepository streams) {
        this.pool = pool;
        this.images = images;
        this.streams = streams;
    }

    public Uni<Image> get(String name) {
        return pool.withConnection(c -> images.find(c, name)).map(found -> found.orElseThrow(() -> notFound(name)));
    }

    public Uni<ImageList> list(Integer limit, String continueToken) {
        int pageSize = limit == null ? 0 : limit;
        return pool.withConnection(c -> streams.currentResourceVersion(c).flatMap(rv ->
                images.list(c, Optional.ofNullable(continueToken).filter(t -> !t.isBlank()), Optional.empty(),
                        pageSize > 0 ? pageSize + 1 : 0).map(found -> {
                            List<Image> items = new ArrayList<>(found);
                            ListMeta meta = ListMeta.atResourceVersion(Long.toString(rv));
                            if (pageSize > 0 && items.size() > pageSize) {
                                items = new ArrayList<>(items.subList(0, pageSize));
                                meta.setContinue(items.get(items.size() - 1).getMetadata().getName());
                            }
                            ImageList list = new ImageList(items);
                            list.setMetadata(meta);
                            return list;
                        })));
    }

    public Uni<Image> create(Image requested) {
        ObjectMeta meta = requested.getMetadata() == null ? new ObjectMeta() : requested.getMetadata();
        requested.setMetadata(meta);
        ValidationErrors.requireValid(ImageApi.KIND_IMAGE, meta.getName(), validator.validate(requested));
        return pool.withTransaction(c -> images.find(c, meta.getName()).flatMap(existing -> {
            if (existing.isPresent()) {
                throw new StatusException(Status.alreadyExists(ImageApi.GROUP, ImageApi.RESOURCE_IMAGES, meta.getName()));
            }
            return images.insertIfAbsent(c, requested);
        }));
    }

    /** Deleting an image leaves stream history alone (as in OpenShift); istags of it then answer 404. */
    public Uni<Status> delete(String name) {
        return pool.withTransaction(c -> images.find(c, name).flatMap(found -> {
            Image image = found.orElseThrow(() -> notFound(name));
            return images.delete(c, name)
                    .map(ignored -> Status.deleted(ImageApi.GROUP, ImageApi.RESOURCE_IMAGES, name, image.getMetadata().getUid()));
        }));
    }

    private static StatusException notFound(String name) {
        return new StatusException(Status.notFound(ImageApi.GROUP, ImageApi.RESOURCE_IMAGES, name));
    }
}
