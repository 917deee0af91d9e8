package io.imagestreams.stream.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The roles a grant names, after OpenShift's: {@code view}, {@code edit}, {@code admin} per namespace (or all),
 * {@code image-pusher} (alone may create ImageStreamMappings), {@code image-pruner}, and the cluster-wide
 * {@code registry-viewer} / {@code registry-editor}, which also cover the cluster-scoped {@code images}.
 */
public enum Role {

    VIEW("view", Rules.VIEW),
    EDIT("edit", Rules.VIEW, Rules.EDIT),
    ADMIN("admin", Rules.VIEW, Rules.EDIT, Rules.ADMIN),
    IMAGE_PUSHER("image-pusher", Rules.PUSHER),
    IMAGE_PRUNER("image-pruner", Rules.PRUNER),
    REGISTRY_VIEWER("registry-viewer", Rules.VIEW, Rules.IMAGES_READ),
    REGISTRY_EDITOR("registry-editor", Rules.VIEW, Rules.EDIT, Rules.IMAGES_READ, Rules.IMAGES_WRITE);

    private static final Map<String, Role> BY_NAME = Arrays.stream(values()).collect(Collectors.toMap(Role::roleName, Function.identity()));

    private final String roleName;
    private final Set<String> rules;

    Role(String roleName, Set<?>... rules) {
        this.roleName = roleName;
        this.rules = Arrays.stream(rules).flatMap(Set::stream).map(Object::toString).collect(Collectors.toUnmodifiableSet());
    }

    public String roleName() {
        return roleName;
    }

    /** Whether the role allows {@code verb} on {@code resource} (with its subresource, e.g. {@code imagestreams/status}). */
    public boolean allows(String verb, String resource) {
        return rules.contains(resource + " " + verb);
    }

    public static Optional<Role> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The rules as "resource verb" pairs. */
    private static final class Rules {

        static final Set<String> VIEW = rules(Set.of("imagestreams", "imagestreams/status", "imagestreamtags", "imagestreamimages"),
                "get", "list", "watch");
        static final Set<String> EDIT = union(
                rules(Set.of("imagestreams", "imagestreamtags"), "create", "update", "patch", "delete", "deletecollection"),
                rules(Set.of("imagestreamimports"), "create"));
        static final Set<String> ADMIN = rules(Set.of("imagestreams/status"), "update", "patch");
        static final Set<String> PUSHER = union(rules(Set.of("imagestreammappings"), "create"), rules(Set.of("imagestreams"), "get"));
        static final Set<String> IMAGES_READ = rules(Set.of("images"), "get", "list", "watch");
        static final Set<String> IMAGES_WRITE = rules(Set.of("images"), "create", "delete");
        static final Set<String> PRUNER = union(IMAGES_READ, rules(Set.of("images"), "delete"),
                rules(Set.of("imagestreams", "imagestreamtags"), "get", "list", "watch"));

        private static Set<String> rules(Set<String> resources, String... verbs) {
            return resources.stream().flatMap(resource -> Arrays.stream(verbs).map(verb -> resource + " " + verb))
                    .collect(Collectors.toUnmodifiableSet());
        }

        @SafeVarargs
        private static Set<String> union(Set<String>... sets) {
            return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
        }
    }
}
