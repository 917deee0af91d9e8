package io.imagestreams.api.event;

/** Kafka header names and fixed values of CloudEvents 1.0 in binary mode; the data is the JSON payload. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    /** RFC 3339, as {@link io.imagestreams.api.json.Rfc3339#format} writes it. */
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
