package de.handinhand.common.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode, as it travels on every Hand in Hand topic.
 * {@code data} is the full snapshot a consumer needs; {@code subject} is the aggregate id (also the
 * Kafka key); {@code correlationid} and {@code traceparent} let one request be followed across
 * services (the latter per the CloudEvents distributed-tracing extension).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String correlationid,
        String traceparent,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
