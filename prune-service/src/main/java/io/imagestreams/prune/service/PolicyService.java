package io.imagestreams.prune.service;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.imagestreams.api.json.GoDuration;
import io.imagestreams.prune.repository.PolicyRepository;
import io.imagestreams.prune.repository.PolicyRepository.StoredPolicy;
import io.imagestreams.prune.rest.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/** Prune policies: the default one, and per namespace. Validation errors name the field. */
@ApplicationScoped
public class PolicyService {

    public static final int DEFAULT_KEEP_TAG_REVISIONS = 3;
    public static final Duration DEFAULT_KEEP_YOUNGER_THAN = Duration.ofMinutes(60);
    /** Standard five-field cron, as Kubernetes CronJobs take it. */
    public static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private final Pool pool;
    private final PolicyRepository policies;
    private final Clock clock;

    public PolicyService(Pool pool, PolicyRepository policies, Clock clock) {
        this.pool = pool;
        this.policies = policies;
        this.clock = clock;
    }

    /** {@code namespace} {@link PolicyRepository#DEFAULT} = the default policy. */
    public Uni<Policy> get(String namespace) {
        checkNamespace(namespace);
        return pool.withConnection(c -> policies.find(c, namespace)).map(found -> found.map(Policy::of)
                .orElseThrow(() -> ApiException.notFound("no policy for namespace \"" + namespace + "\"; runs there use the default policy")));
    }

    public Uni<Policy> put(String namespace, PolicyRequest request) {
        checkNamespace(namespace);
        StoredPolicy policy = new StoredPolicy(namespace, validRevisions(request.keepTagRevisions(), "keepTagRevisions")
                .orElse(DEFAULT_KEEP_TAG_REVISIONS),
                validDuration(request.keepYoungerThan(), "keepYoungerThan").orElse(DEFAULT_KEEP_YOUNGER_THAN).getSeconds(),
                Boolean.TRUE.equals(request.ignoreInvalidReferences()), validSchedule(request.schedule()).orElse(null),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return pool.withTransaction(c -> policies.save(c, policy)).map(Policy::of);
    }

    /** The policy a run in {@code namespace} (empty = all) starts from: the namespace's own, else the default. */
    public Uni<StoredPolicy> effective(Optional<String> namespace) {
        return pool.withConnection(c -> (namespace.isPresent() ? policies.find(c, namespace.get()) : Uni.createFrom().item(Optional.<StoredPolicy>empty()))
                .flatMap(own -> own.isPresent() ? Uni.createFrom().item(own) : policies.find(c, PolicyRepository.DEFAULT)))
                .map(found -> found.orElse(new StoredPolicy(PolicyRepository.DEFAULT, DEFAULT_KEEP_TAG_REVISIONS,
                        DEFAULT_KEEP_YOUNGER_THAN.getSeconds(), false, null, null)));
    }

    static void checkNamespace(String namespace) {
        if (!namespace.isEmpty() && (namespace.length() > 63 || !DNS1123_LABEL.matcher(namespace).matches())) {
            throw ApiException.badRequest("namespace", "namespace \"" + namespace + "\" is not a valid DNS-1123 label");
        }
    }

    public static Optional<Integer> validRevisions(Integer value, String field) {
        if (value != null && value < 0) {
            throw ApiException.badRequest(field, field + " must be 0 or more");
        }
        return Optional.ofNullable(value);
    }

    public static Optional<Duration> validDuration(String value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(GoDuration.parse(value).orElseThrow(() -> ApiException.badRequest(field,
                field + " \"" + value + "\" is not a duration such as 60m, 1h30m or 0s")));
    }

    static Optional<String> validSchedule(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            CRON.parse(value).validate();
            return Optional.of(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("schedule", "schedule \"" + value + "\" is not a five-field cron expression: " + e.getMessage());
        }
    }

    /** A policy in the API. */
    public record PolicyRequest(Integer keepTagRevisions, String keepYoungerThan, Boolean ignoreInvalidReferences, String schedule) {
    }

    /** A policy as the API shows it. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Policy(String namespace, int keepTagRevisions, String keepYoungerThan, boolean ignoreInvalidReferences, String schedule,
            String updatedAt) {

        static Policy of(StoredPolicy stored) {
            return new Policy(stored.namespace().isEmpty() ? null : stored.namespace(), stored.keepTagRevisions(),
                    GoDuration.format(Duration.ofSeconds(stored.keepYoungerThanSeconds())), stored.ignoreInvalidReferences(),
                    stored.schedule(), stored.updatedAt() == null ? null
                            : io.imagestreams.api.json.Rfc3339.format(stored.updatedAt().toInstant()));
        }
    }
}
