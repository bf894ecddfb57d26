package de.handinhand.common.web.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * Checks every string a request body carries — record fields, free-form answer maps and their
 * keys — for control characters while it is parsed, so no endpoint can forget to, and the error
 * names the field. Free-form maps (answers) pick up the String deserializer too: Jackson's untyped
 * deserializer delegates to a custom one when it is registered.
 */
@Singleton
public class TextSafetyModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("handinhand-text-safety");
        module.addDeserializer(String.class, new CheckedStrings());
        module.addKeyDeserializer(String.class, new CheckedKeys());
        mapper.registerModule(module);
    }

    static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return check(p, super.deserialize(p, ctxt));
        }
    }

    static final class CheckedKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return check(ctxt.getParser(), key);
        }
    }

    static String check(JsonParser p, String value) throws ControlCharacterException {
        if (value != null) {
            OptionalInt at = ControlCharacters.find(value);
            if (at.isPresent()) {
                throw new ControlCharacterException(p, ControlCharacters.describe(value, at.getAsInt()));
            }
        }
        return value;
    }
}
