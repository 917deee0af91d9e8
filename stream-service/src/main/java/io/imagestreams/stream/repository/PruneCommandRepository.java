package io.imagestreams.stream.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Which prune commands were applied, so re-deliveries are recognised, and what a restore needs to know. */
@ApplicationScoped
public class PruneCommandRepository {

    public static final String PRUNE = "PruneRevisions";
    public static final String RESTORE = "RestoreRevisions";
    public static final String DELETE_IMAGES = "DeleteImages";

    /** Records a command as applied; false when it already was (a re-delivery). */
    public Uni<Boolean> markApplied(SqlClient client, String runId, String kind, String namespace, String stream, String tag,
            Integer historyLengthAfter) {
        return client.preparedQuery("insert into prune_command (run_id, kind, namespace, stream, tag, history_length_after)"
                        + " values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
                .execute(Tuple.from(Arrays.asList(runId, kind, namespace, stream, tag, historyLengthAfter)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The length of the tag's history right after run {@code runId} pruned it. */
    public Uni<Optional<Integer>> historyLengthAfterPrune(SqlClient client, String runId, String namespace, String stream, String tag) {
        return client.preparedQuery("select history_length_after from prune_command"
                        + " where run_id = $1 and kind = 'PruneRevisions' and namespace = $2 and stream = $3 and tag = $4")
                .execute(Tuple.of(runId, namespace, stream, tag))
                .map(rows -> rows.size() == 0 ? Optional.<Integer>empty() : Optional.ofNullable(rows.iterator().next().getInteger(0)));
    }

    /**
     * The digests among {@code digests} that some tag history still names, directly or as a child of a manifest
     * list a history names.
     */
    public Uni<Set<String>> referencedImages(SqlClient client, Collection<String> digests) {
        String[] names = digests.toArray(String[]::new);
        return client.preparedQuery("select distinct image from tag_event where image = any($1)"
                        + " union select m ->> 'digest' from image i, jsonb_array_elements(i.body -> 'dockerImageManifests') m"
                        + " where jsonb_typeof(i.body -> 'dockerImageManifests') = 'array' and m ->> 'digest' = any($1)"
                        + " and exists (select 1 from tag_event e where e.image = i.name)")
                .execute(Tuple.of(names))
                .map(rows -> {
                    Set<String> referenced = new HashSet<>();
                    rows.forEach(row -> referenced.add(row.getString(0)));
                    return referenced;
                });
    }
}
