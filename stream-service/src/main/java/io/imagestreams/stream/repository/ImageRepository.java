package io.imagestreams.stream.repository;

import io.imagestreams.api.image.Image;
import io.imagestreams.api.meta.ObjectMeta;
import io.imagestreams.stream.messaging.StreamEvents.ImageFacts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** Image objects (cluster-scoped, named by digest), stored as their API JSON. */
@ApplicationScoped
public class ImageRepository {

    private static final String COLUMNS = "name, uid, resource_version, created_at, body::text";

    public Uni<Optional<Image>> find(SqlClient client, String name) {
        return client.preparedQuery("select " + COLUMNS + " from image where name = $1").execute(Tuple.of(name))
                .map(rows -> rows.size() == 0 ? Optional.<Image>empty() : Optional.of(toImage(rows.iterator().next())));
    }

    /** For each manifest-list image among {@code names}: the digests of its child manifests. */
    public Uni<Map<String, List<String>>> manifestListChildren(SqlClient client, Collection<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select name, m ->> 'digest' as child from image,"
                        + " jsonb_array_elements(body -> 'dockerImageManifests') as m"
                        + " where name = any($1) and jsonb_typeof(body -> 'dockerImageManifests') = 'array'")
                .execute(Tuple.of(names.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, List<String>> children = new HashMap<>();
                    rows.forEach(row -> children.computeIfAbsent(row.getString("name"), n -> new ArrayList<>()).add(row.getString("child")));
                    return children;
                });
    }

    /** Size (from the image metadata) and manifest-list children of each stored image among {@code names}. */
    public Uni<Map<String, ImageFacts>> facts(SqlClient client, Collection<String> names) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select name, (body #>> '{dockerImageMetadata,Size}')::bigint as size from image where name = any($1)")
                .execute(Tuple.of(names.toArray(String[]::new)))
                .flatMap(rows -> manifestListChildren(client, names).map(children -> {
                    Map<String, ImageFacts> facts = new HashMap<>();
                    rows.forEach(row -> facts.put(row.getString("name"), new ImageFacts(row.getLong("size"),
                            children.getOrDefault(row.getString("name"), List.of()))));
                    return facts;
                }));
    }

    public Uni<List<Image>> list(SqlClient client, Optional<String> after, Optional<SqlCondition> condition, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from image where true");
        after.ifPresent(name -> {
            params.add(name);
            sql.append(" and name > $").append(params.size());
        });
        condition.ifPresent(c -> sql.append(" and ").append(c.render(params)));
        sql.append(" order by name");
        if (limit > 0) {
            sql.append(" limit ").append(limit);
        }
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(ImageRepository::toImages);
    }

    /**
     * Stores an image unless one of that name exists (images are immutable once created, as in OpenShift) and
     * returns the stored image either way. The server-owned metadata (uid, resourceVersion, creation time) is
     * assigned here.
     */
    public Uni<Image> insertIfAbsent(SqlClient client, Image image) {
        return client.preparedQuery("insert into image (name, uid, resource_version, created_at, body)"
                        + " values ($1, gen_random_uuid(), nextval('resource_version_seq'), date_trunc('second', now()), $2::text::jsonb)"
                        + " on conflict (name) do nothing")
                .execute(Tuple.of(image.getMetadata().getName(), Json.write(withoutMetadata(image))))
                .flatMap(ignored -> find(client, image.getMetadata().getName()))
                .map(Optional::orElseThrow);
    }

    public Uni<Boolean> delete(SqlClient client, String name) {
        return client.preparedQuery("delete from image where name = $1").execute(Tuple.of(name)).map(rows -> rows.rowCount() > 0);
    }

    private static List<Image> toImages(Iterable<Row> rows) {
        List<Image> images = new ArrayList<>();
        rows.forEach(row -> images.add(toImage(row)));
        return images;
    }

    private static Image toImage(Row row) {
        Image image = Json.read(row.getString(4), Image.class);
        ObjectMeta stored = image.getMetadata() == null ? new ObjectMeta() : image.getMetadata();
        stored.setName(row.getString("name"));
        stored.setUid(row.getUUID("uid").toString());
        stored.setResourceVersion(Long.toString(row.getLong("resource_version")));
        stored.setCreationTimestamp(row.getOffsetDateTime("created_at").toInstant());
        image.setMetadata(stored);
        return image.withTypeMeta();
    }

    /** Server-owned metadata lives in columns; the body keeps labels and annotations. */
    private static Image withoutMetadata(Image image) {
        Image copy = io.imagestreams.api.json.ImageApiJson.deepCopy(image);
        ObjectMeta meta = new ObjectMeta();
        meta.setLabels(image.getMetadata().getLabels());
        meta.setAnnotations(image.getMetadata().getAnnotations());
        copy.setMetadata(meta);
        return copy;
    }
}
