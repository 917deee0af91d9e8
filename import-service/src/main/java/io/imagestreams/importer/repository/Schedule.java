package io.imagestreams.importer.repository;

import io.imagestreams.api.image.PlatformPreference;
import java.time.Instant;

/**
 * What import-service knows about one importable spec tag: where it imports from, whether it is re-checked on a
 * schedule, and how its last check went.
 *
 * @param from             the spec tag's DockerImage pull spec
 * @param registry         the registry host of {@code from} as written ({@code docker.io} for Docker Hub)
 * @param repository       the repository path of {@code from}, e.g. {@code library/nginx}
 * @param sourceTag        the tag (or digest) of {@code from} that is checked
 * @param preferArch       the architecture the tag prefers from a manifest list ({@code importer.image.openshift.io/
 *                         prefer-arch}), null for the default platform's
 * @param preferOs         the OS the tag prefers ({@code importer.image.openshift.io/prefer-os}), likewise
 * @param specGeneration   the newest generation stream-service reported for the tag: what a result must answer
 * @param lastSourceDigest the digest the registry last served for {@code from} (for a manifest list: the list's)
 * @param lastSourceMediaType the media type of that manifest or list, once a check or import has seen it
 * @param lastSourceChildren  for a manifest list, how many child manifests it named at the last import; 0 for an
 *                            image; null when no import has counted them
 * @param lastResult       {@code Unchanged}, {@code Updated} or {@code Failed}; null before the first check
 * @param checks           how many checks have finished
 * @param pokes            how often the tag was made due out of turn (push notifications, check-now): a poke
 *                         during a check makes the tag due again when the check ends
 * @param pushedDigest     the digest a push notification announced for the tag, not yet imported
 */
public record Schedule(String namespace, String stream, String tag, String from, String registry, String repository,
        String sourceTag, boolean insecure, String importMode, String preferArch, String preferOs, boolean scheduled,
        long specGeneration,
        String lastSourceDigest, String lastSourceMediaType, Integer lastSourceChildren, Instant nextCheckAt, Instant lastCheckAt, String lastResult, String lastReason,
        String lastMessage, Instant leaseUntil, long checks, long pokes, String pushedDigest) {

    public static final String UNCHANGED = "Unchanged";
    public static final String UPDATED = "Updated";
    public static final String FAILED = "Failed";

    /** The platform a {@code Legacy} import of the tag picks first from a manifest list. */
    public PlatformPreference platform() {
        return new PlatformPreference(preferArch, preferOs);
    }

    public String key() {
        return namespace + "/" + stream + ":" + tag;
    }
}
