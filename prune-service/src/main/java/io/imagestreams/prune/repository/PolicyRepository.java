package io.imagestreams.prune.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Prune policies; the default policy is stored under the namespace {@code ''}. */
@ApplicationScoped
public class PolicyRepository {

    public static final String DEFAULT = "";
    private static final String COLUMNS = "namespace, keep_tag_revisions, keep_younger_than_seconds, ignore_invalid_references, schedule, updated_at";

    public Uni<Optional<StoredPolicy>> find(SqlClient client, String namespace) {
        return client.preparedQuery("select " + COLUMNS + " from prune_policy where namespace = $1").execute(Tuple.of(namespace))
                .map(rows -> rows.size() == 0 ? Optional.<StoredPolicy>empty() : Optional.of(toPolicy(rows.iterator().next())));
    }

    /** Policies that have a schedule. */
    public Uni<List<StoredPolicy>> scheduled(SqlClient client) {
        return client.query("select " + COLUMNS + " from prune_policy where schedule is not null order by namespace").execute()
                .map(rows -> {
                    List<StoredPolicy> policies = new ArrayList<>();
                    rows.forEach(row -> policies.add(toPolicy(row)));
                    return policies;
                });
    }

    public Uni<StoredPolicy> save(SqlClient client, StoredPolicy policy) {
        return client.preparedQuery("insert into prune_policy (namespace, keep_tag_revisions, keep_younger_than_seconds,"
                        + " ignore_invalid_references, schedule, updated_at) values ($1, $2, $3, $4, $5, $6)"
                        + " on conflict (namespace) do update set keep_tag_revisions = excluded.keep_tag_revisions,"
                        + " keep_younger_than_seconds = excluded.keep_younger_than_seconds,"
                        + " ignore_invalid_references = excluded.ignore_invalid_references, schedule = excluded.schedule,"
                        + " updated_at = excluded.updated_at returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(policy.namespace(), policy.keepTagRevisions(), policy.keepYoungerThanSeconds(),
                        policy.ignoreInvalidReferences(), policy.schedule(), policy.updatedAt())))
                .map(rows -> toPolicy(rows.iterator().next()));
    }

    private static StoredPolicy toPolicy(Row row) {
        return new StoredPolicy(row.getString("namespace"), row.getInteger("keep_tag_revisions"), row.getLong("keep_younger_than_seconds"),
                row.getBoolean("ignore_invalid_references"), row.getString("schedule"), row.getOffsetDateTime("updated_at"));
    }

    /** One stored policy. */
    public record StoredPolicy(String namespace, int keepTagRevisions, long keepYoungerThanSeconds, boolean ignoreInvalidReferences,
            String schedule, OffsetDateTime updatedAt) {
    }
}
