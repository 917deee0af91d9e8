package io.imagestreams.trigger.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.imagestreams.trigger.kubernetes.TriggerAnnotation.FieldTrigger;
import io.imagestreams.trigger.kubernetes.TriggerAnnotation.Parsed;
import org.junit.jupiter.api.Test;

class TriggerAnnotationTest {

    private static final PodSpec POD = new PodSpecBuilder()
            .withInitContainers(new ContainerBuilder().withName("setup").withImage("s:1").build())
            .withContainers(new ContainerBuilder().withName("web").withImage("w:1").build(),
                    new ContainerBuilder().withName("sidecar").withImage("c:1").build())
            .build();

    private static Parsed parse(String annotation, WorkloadKind kind) {
        return TriggerAnnotation.parse(annotation, kind, POD, "own");
    }

    @Test
    void resolvesNameAndIndexFormsInContainersAndInitContainers() {
        Parsed parsed = parse("""
                [{"from":{"kind":"ImageStreamTag","name":"app:latest"},"fieldPath":"spec.template.spec.containers[?(@.name==\\"sidecar\\")].image"},
                 {"from":{"kind":"ImageStreamTag","name":"app:v2","namespace":"shared"},"fieldPath":"spec.template.spec.containers[0].image","paused":true},
                 {"from":{"kind":"ImageStreamTag","name":"base:1"},"fieldPath":"spec.template.spec.initContainers[0].image"}]""",
                WorkloadKind.DEPLOYMENT);
        assertThat(parsed.error()).isNull();
        assertThat(parsed.triggers()).containsExactly(
                new FieldTrigger("own", "app:latest", "spec.template.spec.containers[?(@.name==\"sidecar\")].image", false,
                        "containers", 1, "sidecar", null),
                new FieldTrigger("shared", "app:v2", "spec.template.spec.containers[0].image", true, "containers", 0, "web", null),
                new FieldTrigger("own", "base:1", "spec.template.spec.initContainers[0].image", false, "initContainers", 0,
                        "setup", null));
    }

    @Test
    void cronJobsUseTheJobTemplatePathAndSkipOthers() {
        Parsed parsed = parse("""
                [{"from":{"kind":"ImageStreamTag","name":"app:latest"},"fieldPath":"spec.jobTemplate.spec.template.spec.containers[0].image"},
                 {"from":{"kind":"ImageStreamTag","name":"app:latest"},"fieldPath":"spec.template.spec.containers[1].image"}]""",
                WorkloadKind.CRON_JOB);
        assertThat(parsed.triggers()).extracting(FieldTrigger::fieldPath)
                .containsExactly("spec.jobTemplate.spec.template.spec.containers[0].image");
    }

    @Test
    void onlyImageStreamTagTriggersWithAStreamTagNameAndNoApiVersionTakePart() {
        Parsed parsed = parse("""
                [{"from":{"kind":"DockerImage","name":"app:latest"},"fieldPath":"spec.template.spec.containers[0].image"},
                 {"from":{"kind":"ImageStreamTag","name":"app"},"fieldPath":"spec.template.spec.containers[0].image2"},
                 {"from":{"kind":"ImageStreamTag","name":"app:1","apiVersion":"v1"},"fieldPath":"spec.template.spec.containers[1].image"},
                 {"from":{"kind":"ImageStreamTag","name":"app:1"},"fieldPath":"metadata.annotations.x"}]""",
                WorkloadKind.DEPLOYMENT);
        assertThat(parsed.error()).isNull();
        assertThat(parsed.triggers()).isEmpty();
    }

    @Test
    void errorsAreReportedPerTriggerOrForTheWholeAnnotation() {
        assertThat(parse("{\"from\":1}", WorkloadKind.DEPLOYMENT).errorReason()).isEqualTo("InvalidJSON");
        assertThat(parse("""
                [{"from":{"kind":"ImageStreamTag","name":"a:1"},"fieldPath":"spec.template.spec.containers[0].image"},
                 {"from":{"kind":"ImageStreamTag","name":"b:1"},"fieldPath":"spec.template.spec.containers[0].image"}]""",
                WorkloadKind.DEPLOYMENT).errorReason()).isEqualTo("DuplicateFieldPath");
        Parsed parsed = parse("""
                [{"from":{"kind":"ImageStreamTag","name":"a:1"},"fieldPath":"spec.template.spec.containers[5].image"},
                 {"from":{"kind":"ImageStreamTag","name":"a:1"},"fieldPath":"spec.template.spec.containers[?(@.name=='web')].image"},
                 {"from":{"kind":"ImageStreamTag","name":"a:1"},"fieldPath":"spec.template.spec.containers[0]"}]""",
                WorkloadKind.DEPLOYMENT);
        assertThat(parsed.triggers()).extracting(FieldTrigger::error).containsExactly(
                "no such container: spec.template.spec.containers[5].image",
                "field path is not valid: spec.template.spec.containers[?(@.name=='web')].image",
                "field path is not valid: spec.template.spec.containers[0]");
    }
}
