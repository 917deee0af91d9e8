package io.imagestreams.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventContractsTest {

    @Test
    void topicsHaveTheAgreedNamesAndDeadLetterTopicsAddDlq() {
        // when / then
        assertThat(Topics.IMAGE_STREAM_EVENTS).isEqualTo("image-stream-events");
        assertThat(Topics.IMAGE_IMPORT_REQUESTS).isEqualTo("image-import-requests");
        assertThat(Topics.IMAGE_IMPORT_RESULTS).isEqualTo("image-import-results");
        assertThat(Topics.IMAGE_PRUNE_COMMANDS).isEqualTo("image-prune-commands");
        assertThat(Topics.dlq(Topics.IMAGE_IMPORT_RESULTS)).isEqualTo("image-import-results-dlq");
    }

    @Test
    void eventTypesAreRoutedToTheTopicOfTheirFlow() {
        // when / then
        assertThat(EventTypes.topic(EventTypes.TAG_UPDATED)).contains(Topics.IMAGE_STREAM_EVENTS);
        assertThat(EventTypes.topic(EventTypes.IMPORT_REQUESTED)).contains(Topics.IMAGE_IMPORT_REQUESTS);
        assertThat(EventTypes.topic(EventTypes.IMPORT_FAILED)).contains(Topics.IMAGE_IMPORT_RESULTS);
        assertThat(EventTypes.topic(EventTypes.PRUNE_DELETE_IMAGES)).contains(Topics.IMAGE_PRUNE_COMMANDS);
        assertThat(EventTypes.topic("io.imagestreams.unknown.v1")).isEmpty();
        assertThat(EventTypes.payloadClass("io.imagestreams.unknown.v1")).isEmpty();
    }

    @Test
    void eventTypeNamesFollowTheAreaVerbPattern() {
        // when / then
        assertThat(EventTypes.STREAM_CREATED).isEqualTo("io.imagestreams.stream.created.v1");
        assertThat(EventTypes.HISTORY_PRUNED).isEqualTo("io.imagestreams.history.pruned.v1");
        assertThat(EventTypes.PRUNE_REVISIONS).isEqualTo("io.imagestreams.prune.revisions.v1");
        assertThat(EventTypes.PRUNE_RESTORE).isEqualTo("io.imagestreams.prune.restore.v1");
        assertThat(EventTypes.PRUNE_DELETE_IMAGES).isEqualTo("io.imagestreams.prune.deleteimages.v1");
    }

    @Test
    void cloudEventHeadersUseKafkaBinaryModeNames() {
        // when / then
        assertThat(CloudEventHeaders.SPEC_VERSION).isEqualTo("ce_specversion");
        assertThat(CloudEventHeaders.ID).isEqualTo("ce_id");
        assertThat(CloudEventHeaders.SOURCE).isEqualTo("ce_source");
        assertThat(CloudEventHeaders.TYPE).isEqualTo("ce_type");
        assertThat(CloudEventHeaders.SUBJECT).isEqualTo("ce_subject");
        assertThat(CloudEventHeaders.TIME).isEqualTo("ce_time");
        assertThat(CloudEventHeaders.CONTENT_TYPE).isEqualTo("content-type");
        assertThat(EventSources.STREAM_SERVICE).isEqualTo("/stream-service");
    }

    @Test
    void theStreamKeyIsNamespaceSlashStream() {
        // when / then
        assertThat(EventKeys.streamKey("openshift", "php")).isEqualTo("openshift/php");
    }
}
