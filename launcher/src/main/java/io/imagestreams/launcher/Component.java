package io.imagestreams.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The seven processes of the local suite: the infrastructure, then the services that use it. */
public enum Component {
    POSTGRES("postgres", null),
    KAFKA("kafka", null),
    MONGO("mongo", null),
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
     * services' {@code imagestreams.*} configuration namespace, which they validate strictly.
     */
    String commandLineMarker() {
        return "-Dlocal-suite.component=" + displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
