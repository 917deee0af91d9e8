package io.imagestreams.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The processes of the local suite: the infrastructure, then the services that use it. The registry runs only
 * where docker-registry is installed ({@link SuiteConfig#components()}).
 */
public enum Component {
    POSTGRES("postgres", null),
    KAFKA("kafka", null),
    MONGO("mongo", null),
    REGISTRY("registry", null),
    STREAM_SERVICE("stream-service", "stream"),
    IMPORT_SERVICE("import-service", "import"),
    TRIGGER_SERVICE("trigger-service", "trigger"),
    PRUNE_SERVICE("prune-service", "prune");

    private final String displayName;
    private final String alias;

    Component(String displayName, String alias) {
        this.displayName = displayName;
        this.alias = alias;
    }

    public String displayName() {
        return displayName;
    }

    public boolean isService() {
        return alias != null;
    }

    public static List<Component> infrastructure() {
        return Arrays.stream(values()).filter(c -> !c.isService()).toList();
    }

    public static List<Component> services() {
        return Arrays.stream(values()).filter(Component::isService).toList();
    }

    /** By display name or short alias ({@code stream} for {@code stream-service}), ignoring case. */
    public static Optional<Component> named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.displayName.equals(wanted) || wanted.equals(c.alias)).findFirst();
    }

    /** For error messages: every name {@link #named} accepts. */
    public static String validNames() {
        return Arrays.stream(values())
                .map(c -> c.isService() ? c.displayName + " (or " + c.alias + ")" : c.displayName)
                .collect(Collectors.joining(", "));
    }

    /**
     * Added to each child's command line: tells {@code down} and {@code status} that a pid still belongs to this
     * component, and not to an unrelated process that got the pid after ours had gone. Deliberately outside the
     * services' {@code imagestreams.*} configuration namespace, which they validate strictly. docker-registry
     * refuses options it does not know, so the registry's marker is the name of its config file instead.
     */
    String commandLineMarker() {
        return this == REGISTRY ? REGISTRY_CONFIG_NAME : "-Dlocal-suite.component=" + displayName;
    }

    /** The file name of the suite registry's config, on its command line (see {@link #commandLineMarker()}). */
    static final String REGISTRY_CONFIG_NAME = "local-suite-registry.yml";

    @Override
    public String toString() {
        return displayName;
    }
}
