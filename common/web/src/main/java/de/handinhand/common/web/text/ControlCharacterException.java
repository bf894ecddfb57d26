package de.handinhand.common.web.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string with a forbidden control character; Jackson adds the field path as it unwinds. */
public class ControlCharacterException extends JsonMappingException {

    private final String reason;

    public ControlCharacterException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
