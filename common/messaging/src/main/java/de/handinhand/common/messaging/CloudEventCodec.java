package de.handinhand.common.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@link CloudEvent}s and their data. Reading checks the envelope strictly: an
 * event that fails here is a poison message and belongs on the dead-letter topic.
 */
public final class CloudEventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // 1.5 for a version or revision is a broken event, not version 1.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private CloudEventCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CloudEvent cannot be serialised", e);
        }
    }

    /** Any JSON value (a tree, a record) as text. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Value cannot be serialised as JSON", e);
        }
    }

    public static JsonNode toTree(Object data) {
        return MAPPER.valueToTree(data);
    }

    /** Parses and checks the envelope; throws {@link MalformedEventException} naming every problem. */
    public static CloudEvent read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty event");
        }
        CloudEvent event;
        try {
            event = MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvents JSON document: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            problems.add("specversion must be 1.0");
        }
        if (blank(event.id())) {
            problems.add("id is missing");
        }
        if (blank(event.source())) {
            problems.add("source is missing");
        }
        if (blank(event.type())) {
            problems.add("type is missing");
        }
        if (event.data() == null || !event.data().isObject()) {
            problems.add("data must be a JSON object");
        }
        if (!problems.isEmpty()) {
            throw new MalformedEventException(String.join("; ", problems));
        }
        return event;
    }

    /** Binds an event's data to a record; a mismatch is a poison message. */
    public static <T> T data(CloudEvent event, Class<T> type) {
        try {
            return MAPPER.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + event.type() + " " + event.id() + " does not fit "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
