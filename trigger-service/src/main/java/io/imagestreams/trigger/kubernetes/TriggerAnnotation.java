package io.imagestreams.trigger.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code image.openshift.io/triggers} as OpenShift does (library-go {@code pkg/image/trigger}): a JSON array of
 * {@code {from: {kind, name, namespace?, apiVersion?}, fieldPath, paused?}}. Bad JSON or a duplicate fieldPath
 * rejects the whole annotation; field paths outside the kind's pod spec are skipped; a path that is not
 * {@code (containers|initContainers)[<index>|?(@.name=="<name>")].image} or names no container is an error of that
 * trigger.
 */
public final class TriggerAnnotation {

    public static final String NAME = "image.openshift.io/triggers";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CONTAINER_PATH =
            Pattern.compile("(containers|initContainers)\\[(?:(\\d+)|\\?\\(@\\.name==\"([^\"]*)\"\\))\\]\\.(.+)");

    private TriggerAnnotation() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawTrigger(RawFrom from, String fieldPath, Boolean paused) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawFrom(String kind, String name, String namespace, String apiVersion) {
    }

    /**
     * One trigger of a workload.
     *
     * @param fromNamespace  the namespace of the image stream (the workload's when the annotation names none)
     * @param containerList  {@code containers} or {@code initContainers}
     * @param containerIndex the container's position in that list, {@code -1} when {@link #error} is set
     * @param error          why this trigger cannot be applied, or {@code null}
     */
    public record FieldTrigger(String fromNamespace, String fromName, String fieldPath, boolean paused, String containerList,
            int containerIndex, String containerName, String error) {

        public String stream() {
            return fromName.substring(0, fromName.indexOf(':'));
        }

        public String tag() {
            return fromName.substring(fromName.indexOf(':') + 1);
        }
    }

    /**
     * The triggers of a workload.
     *
     * @param error          why the whole annotation was rejected, or {@code null}
     * @param errorReason    a short machine-readable reason for metrics ({@code InvalidJSON}, {@code DuplicateFieldPath})
     */
    public record Parsed(List<FieldTrigger> triggers, String error, String errorReason) {

        static Parsed rejected(String reason, String error) {
            return new Parsed(List.of(), error, reason);
        }
    }

    public static Parsed parse(String annotation, WorkloadKind kind, PodSpec podSpec, String workloadNamespace) {
        RawTrigger[] raw;
        try {
            raw = JSON.readValue(annotation, RawTrigger[].class);
        } catch (Exception e) {
            return Parsed.rejected("InvalidJSON", "the " + NAME + " annotation is not a JSON array of triggers");
        }
        if (raw == null) {
            return Parsed.rejected("InvalidJSON", "the " + NAME + " annotation is not a JSON array of triggers");
        }
        Set<String> fieldPaths = new HashSet<>();
        for (RawTrigger trigger : raw) {
            if (trigger != null && trigger.fieldPath() != null && !fieldPaths.add(trigger.fieldPath())) {
                return Parsed.rejected("DuplicateFieldPath", "duplicate triggers are not allowed: fieldPath "
                        + trigger.fieldPath() + " appears more than once");
            }
        }
        List<FieldTrigger> triggers = new ArrayList<>();
        for (RawTrigger trigger : raw) {
            if (trigger == null || trigger.from() == null || !"ImageStreamTag".equals(trigger.from().kind())
                    || (trigger.from().apiVersion() != null && !trigger.from().apiVersion().isEmpty())
                    || trigger.from().name() == null || trigger.from().name().indexOf(':') < 0
                    || trigger.fieldPath() == null) {
                continue; // as OpenShift: only ImageStreamTag triggers with a stream:tag name take part
            }
            String prefix = kind.podSpecPath() + ".";
            if (!trigger.fieldPath().startsWith(prefix)) {
                continue; // paths outside the pod spec are silently skipped
            }
            String namespace = trigger.from().namespace() == null || trigger.from().namespace().isEmpty()
                    ? workloadNamespace : trigger.from().namespace();
            boolean paused = Boolean.TRUE.equals(trigger.paused());
            triggers.add(resolve(trigger.fieldPath(), trigger.fieldPath().substring(prefix.length()), podSpec, namespace,
                    trigger.from().name(), paused));
        }
        return new Parsed(List.copyOf(triggers), null, null);
    }

    private static FieldTrigger resolve(String fieldPath, String remainder, PodSpec podSpec, String namespace,
            String name, boolean paused) {
        Matcher m = CONTAINER_PATH.matcher(remainder);
        if (!m.matches() || !m.group(4).equals("image")) {
            return new FieldTrigger(namespace, name, fieldPath, paused, null, -1, null, "field path is not valid: " + fieldPath);
        }
        String list = m.group(1);
        List<Container> containers = podSpec == null ? List.of()
                : list.equals("containers") ? nullToEmpty(podSpec.getContainers()) : nullToEmpty(podSpec.getInitContainers());
        if (m.group(2) != null) {
            int index;
            try {
                index = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                index = Integer.MAX_VALUE;
            }
            if (index >= containers.size()) {
                return new FieldTrigger(namespace, name, fieldPath, paused, list, -1, null, "no such container: " + fieldPath);
            }
            return new FieldTrigger(namespace, name, fieldPath, paused, list, index, containers.get(index).getName(), null);
        }
        for (int i = 0; i < containers.size(); i++) {
            if (m.group(3).equals(containers.get(i).getName())) {
                return new FieldTrigger(namespace, name, fieldPath, paused, list, i, m.group(3), null);
            }
        }
        return new FieldTrigger(namespace, name, fieldPath, paused, list, -1, null, "no such container: " + m.group(3));
    }

    private static List<Container> nullToEmpty(List<Container> containers) {
        return containers == null ? List.of() : containers;
    }
}
