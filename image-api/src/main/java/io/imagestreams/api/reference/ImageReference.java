package io.imagestreams.api.reference;

import io.imagestreams.api.reference.InvalidImageReferenceException.Reason;
import io.imagestreams.api.reference.ReferenceGrammar.Match;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A docker pull spec split as OpenShift splits it (library-go {@code reference.DockerImageReference}):
 * {@code registry/namespace/name:tag@digest}, where the first path component is the registry only if it contains
 * {@code .} or {@code :} or is {@code localhost}, the next one is the namespace and the rest (which may contain
 * {@code /}) the name. Absent parts are {@code ""}. Immutable; the {@code with…} methods return copies.
 */
public final class ImageReference {

    public static final String DOCKER_HUB_REGISTRY = "docker.io";
    public static final String DOCKER_HUB_V1_REGISTRY = "index.docker.io";
    public static final String DOCKER_HUB_V2_REGISTRY = "registry-1.docker.io";
    /** The namespace Docker Hub puts single-component names in. */
    public static final String DOCKER_HUB_LIBRARY = "library";
    public static final String DEFAULT_TAG = "latest";
    /** The longest repository name ({@code registry/namespace/name}) the grammar allows. */
    public static final int NAME_TOTAL_LENGTH_MAX = 255;

    private static final Map<String, Integer> DIGEST_HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);

    private final String registry;
    private final String namespace;
    private final String name;
    private final String tag;
    private final String digest;

    private ImageReference(String registry, String namespace, String name, String tag, String digest) {
        this.registry = registry;
        this.namespace = namespace;
        this.name = name;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses a pull spec such as {@code quay.io/ns/app:1.0} or {@code ubuntu@sha256:…}.
     *
     * @throws InvalidImageReferenceException naming what is wrong, with OpenShift's wording as its reason
     */
    public static ImageReference parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            throw new InvalidImageReferenceException(spec, Reason.NAME_EMPTY, "the pull spec is empty");
        }
        Match match = ReferenceGrammar.match(spec);
        if (match.name().length() > NAME_TOTAL_LENGTH_MAX) {
            throw new InvalidImageReferenceException(spec, Reason.NAME_TOO_LONG,
                    "the name in " + ReferenceGrammar.quote(spec) + " has " + match.name().length());
        }
        String digest = Objects.requireNonNullElse(match.digest(), "");
        if (!digest.isEmpty()) {
            checkDigestAlgorithm(spec, digest);
        }
        return split(match.name(), Objects.requireNonNullElse(match.tag(), ""), digest);
    }

    /** {@link #parse(String)} without the exception. */
    public static Optional<ImageReference> tryParse(String spec) {
        try {
            return Optional.of(parse(spec));
        } catch (InvalidImageReferenceException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code tag} is a valid docker tag: {@code [\w][\w.-]{0,127}}. */
    public static boolean isValidTag(String tag) {
        return tag != null && ReferenceGrammar.isTag(tag);
    }

    /** Whether {@code digest} is a sha256, sha384 or sha512 digest of the right length. */
    public static boolean isValidDigest(String digest) {
        if (digest == null || !ReferenceGrammar.isDigest(digest)) {
            return false;
        }
        int colon = digest.indexOf(':');
        Integer hexLength = DIGEST_HEX_LENGTHS.get(digest.substring(0, colon));
        return hexLength != null && hexLength == digest.length() - colon - 1;
    }

    /** Whether {@code registry} is one of Docker Hub's names ({@code docker.io}, {@code index.docker.io}, …). */
    public static boolean isDockerHubRegistry(String registry) {
        return DOCKER_HUB_REGISTRY.equals(registry) || DOCKER_HUB_V1_REGISTRY.equals(registry)
                || DOCKER_HUB_V2_REGISTRY.equals(registry);
    }

    /** The registry host with optional port, e.g. {@code quay.io} or {@code localhost:5000}; {@code ""} if none. */
    public String registry() {
        return registry;
    }

    /** The first path component after the registry, e.g. {@code library}; {@code ""} if the path has one. */
    public String namespace() {
        return namespace;
    }

    /** The rest of the path; may contain {@code /}. {@code ""} only for a reference naming just a registry. */
    public String name() {
        return name;
    }

    public String tag() {
        return tag;
    }

    /** The digest ({@code sha256:…}), which OpenShift calls the image ID. */
    public String digest() {
        return digest;
    }

    public boolean hasTag() {
        return !tag.isEmpty();
    }

    public boolean hasDigest() {
        return !digest.isEmpty();
    }

    /**
     * The reference with every part that is set: {@code registry/namespace/name:tag@digest}. Unlike library-go's
     * {@code Exact()}, a tag is kept next to a digest; use {@link #mostSpecific()} first to drop it. A reference
     * naming only a registry formats as that registry.
     */
    public String exact() {
        StringBuilder out = new StringBuilder(registry);
        if (name.isEmpty()) {
            return out.toString();
        }
        if (!registry.isEmpty()) {
            out.append('/');
        }
        if (!namespace.isEmpty()) {
            out.append(namespace).append('/');
        }
        out.append(name);
        if (!tag.isEmpty()) {
            out.append(':').append(tag);
        }
        if (!digest.isEmpty()) {
            out.append('@').append(digest);
        }
        return out.toString();
    }

    /** {@code registry/namespace/name}, without tag or digest. */
    public String repository() {
        return asRepository().exact();
    }

    /** {@code namespace/name}, the path inside the registry (library-go {@code RepositoryName()}). */
    public String repositoryName() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /** The reference as the docker client reads it: registry {@code docker.io}, {@code library/}, tag {@code latest}. */
    public ImageReference dockerClientDefaults() {
        String defaultedRegistry = registry.isEmpty() ? DOCKER_HUB_REGISTRY : registry;
        String defaultedNamespace =
                namespace.isEmpty() && isDockerHubRegistry(defaultedRegistry) ? DOCKER_HUB_LIBRARY : namespace;
        String defaultedTag = tag.isEmpty() && digest.isEmpty() ? DEFAULT_TAG : tag;
        return new ImageReference(defaultedRegistry, defaultedNamespace, name, defaultedTag, digest);
    }

    /** The same repository without tag or digest. */
    public ImageReference asRepository() {
        return new ImageReference(registry, namespace, name, "", "");
    }

    /** The digest if there is one, else the tag: the most accurate pull spec. */
    public ImageReference mostSpecific() {
        return digest.isEmpty() ? this : new ImageReference(registry, namespace, name, "", digest);
    }

    /**
     * A copy with {@code tag} (the digest is kept).
     *
     * @throws InvalidImageReferenceException if {@code tag} is not a valid tag
     */
    public ImageReference withTag(String tag) {
        if (!isValidTag(tag)) {
            throw new InvalidImageReferenceException(tag, Reason.TAG_INVALID_FORMAT, ReferenceGrammar.quote(tag));
        }
        return new ImageReference(registry, namespace, name, tag, digest);
    }

    /**
     * A copy with {@code digest} (the tag is kept).
     *
     * @throws InvalidImageReferenceException if {@code digest} is not a supported digest
     */
    public ImageReference withDigest(String digest) {
        if (digest == null || !ReferenceGrammar.isDigest(digest)) {
            throw new InvalidImageReferenceException(digest, Reason.DIGEST_INVALID_FORMAT,
                    ReferenceGrammar.quote(String.valueOf(digest)));
        }
        checkDigestAlgorithm(digest, digest);
        return new ImageReference(registry, namespace, name, tag, digest);
    }

    /**
     * A copy in another registry ({@code ""} for none), as when pulling through a mirror.
     *
     * @throws InvalidImageReferenceException if {@code registry} is not a host with optional port
     */
    public ImageReference withRegistry(String registry) {
        if (registry == null || !registry.isEmpty() && !ReferenceGrammar.isHost(registry)) {
            throw new InvalidImageReferenceException(registry, Reason.INVALID_FORMAT,
                    "registry " + ReferenceGrammar.quote(String.valueOf(registry)) + " is not a host name or"
                            + " [IPv6 address], with an optional :port");
        }
        return new ImageReference(registry, namespace, name, tag, digest);
    }

    /** Whether the image lives on Docker Hub, under any of its names or by default (no registry). */
    public boolean isDockerHub() {
        return registry.isEmpty() || isDockerHubRegistry(registry);
    }

    /**
     * Whether both references name the same image once docker client defaults are applied and Docker Hub's
     * names are treated as one, so {@code ubuntu} is equivalent to {@code index.docker.io/library/ubuntu:latest}.
     */
    public boolean isEquivalentTo(ImageReference other) {
        return dockerClientDefaults().withHubAsDockerIo().equals(other.dockerClientDefaults().withHubAsDockerIo());
    }

    /** Same as {@link #exact()}. */
    @Override
    public String toString() {
        return exact();
    }

    /** Equal when every part is equal as written; see {@link #isEquivalentTo} for equality after defaults. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ImageReference other
                && registry.equals(other.registry)
                && namespace.equals(other.namespace)
                && name.equals(other.name)
                && tag.equals(other.tag)
                && digest.equals(other.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, namespace, name, tag, digest);
    }

    private ImageReference withHubAsDockerIo() {
        return isDockerHubRegistry(registry) ? new ImageReference(DOCKER_HUB_REGISTRY, namespace, name, tag, digest)
                : this;
    }

    /** Splits the name as library-go's {@code reference.Parse} does. */
    private static ImageReference split(String fullName, String tag, String digest) {
        int slash = fullName.indexOf('/');
        if (slash < 0) {
            // a lone component that looks like a host names a registry only; library-go tests a "localhost" prefix
            if (fullName.contains(".") || fullName.startsWith("localhost")) {
                return new ImageReference(tag.isEmpty() ? fullName : fullName + ":" + tag, "", "", "", digest);
            }
            return new ImageReference("", "", fullName, tag, digest);
        }
        String first = fullName.substring(0, slash);
        boolean firstIsRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        String registry = firstIsRegistry ? first : "";
        String path = firstIsRegistry ? fullName.substring(slash + 1) : fullName;
        int namespaceEnd = path.indexOf('/');
        if (namespaceEnd < 0) {
            return new ImageReference(registry, "", path, tag, digest);
        }
        return new ImageReference(registry, path.substring(0, namespaceEnd), path.substring(namespaceEnd + 1), tag,
                digest);
    }

    private static void checkDigestAlgorithm(String input, String digest) {
        int colon = digest.indexOf(':');
        String algorithm = digest.substring(0, colon);
        Integer hexLength = DIGEST_HEX_LENGTHS.get(algorithm);
        if (hexLength == null) {
            throw new InvalidImageReferenceException(input, Reason.DIGEST_UNSUPPORTED,
                    ReferenceGrammar.quote(algorithm) + " (use sha256, sha384 or sha512)");
        }
        int actual = digest.length() - colon - 1;
        if (actual != hexLength) {
            throw new InvalidImageReferenceException(input, Reason.DIGEST_INVALID_LENGTH,
                    algorithm + " needs " + hexLength + " hex digits, " + ReferenceGrammar.quote(digest) + " has "
                            + actual);
        }
    }
}
