package io.imagestreams.trigger.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.List;
import java.util.Map;

/** Small fixture builders for annotated workloads. */
final class Workloads {

    private Workloads() {
    }

    static String trigger(String name, String fieldPath) {
        return trigger(null, name, fieldPath, false);
    }

    static String trigger(String namespace, String name, String fieldPath, boolean paused) {
        return """
                {"from":{"kind":"ImageStreamTag","name":"%s"%s},"fieldPath":"%s"%s}""".formatted(name,
                namespace == null ? "" : ",\"namespace\":\"" + namespace + "\"", fieldPath.replace("\"", "\\\""),
                paused ? ",\"paused\":true" : "");
    }

    static String annotation(String... triggers) {
        return "[" + String.join(",", triggers) + "]";
    }

    static Container container(String name, String image) {
        return new ContainerBuilder().withName(name).withImage(image).build();
    }

    private static ObjectMeta meta(String namespace, String name, String annotation) {
        return meta(namespace, name, annotation == null ? Map.of() : Map.of(TriggerAnnotation.NAME, annotation));
    }

    private static ObjectMeta meta(String namespace, String name, Map<String, String> annotations) {
        return new ObjectMetaBuilder().withNamespace(namespace).withName(name).withAnnotations(annotations).build();
    }

    private static PodTemplateSpec template(List<Container> initContainers, List<Container> containers) {
        return new PodTemplateSpecBuilder().withNewMetadata().withLabels(Map.of("app", "x")).endMetadata()
                .withNewSpec().withInitContainers(initContainers).withContainers(containers).endSpec().build();
    }

    static Deployment deployment(String namespace, String name, String annotation, Container... containers) {
        return new DeploymentBuilder().withMetadata(meta(namespace, name, annotation))
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "x")).endSelector()
                .withTemplate(template(List.of(), List.of(containers))).endSpec().build();
    }

    /** A Deployment with these annotations (the triggers annotation among them, or not). */
    static Deployment deployment(String namespace, String name, Map<String, String> annotations, Container... containers) {
        return new DeploymentBuilder().withMetadata(meta(namespace, name, annotations))
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "x")).endSelector()
                .withTemplate(template(List.of(), List.of(containers))).endSpec().build();
    }

    static StatefulSet statefulSet(String namespace, String name, String annotation, Container... containers) {
        return new StatefulSetBuilder().withMetadata(meta(namespace, name, annotation))
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "x")).endSelector()
                .withTemplate(template(List.of(), List.of(containers))).endSpec().build();
    }

    static DaemonSet daemonSet(String namespace, String name, String annotation, List<Container> initContainers,
            Container... containers) {
        return new DaemonSetBuilder().withMetadata(meta(namespace, name, annotation))
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("app", "x")).endSelector()
                .withTemplate(template(initContainers, List.of(containers))).endSpec().build();
    }

    static CronJob cronJob(String namespace, String name, String annotation, Container... containers) {
        return new CronJobBuilder().withMetadata(meta(namespace, name, annotation))
                .withNewSpec().withSchedule("*/5 * * * *").withNewJobTemplate().withNewSpec()
                .withTemplate(template(List.of(), List.of(containers))).endSpec().endJobTemplate().endSpec().build();
    }
}
