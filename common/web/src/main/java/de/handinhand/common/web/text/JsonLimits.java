package de.handinhand.common.web.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * What a JSON document may be before any endpoint sees it, set once for every service's object
 * mapper (request bodies, and the events and stored documents the same mapper reads):
 * <ul>
 * <li><b>Nesting</b> at most {@value #MAX_NESTING_DEPTH} levels (the deepest body the API takes is
 * about six): a deeper document costs the parser stack and the server nothing useful.</li>
 * <li><b>Numbers</b> at most {@value #MAX_NUMBER_LENGTH} characters: the largest the API takes is an
 * amount in cents (14 digits); converting a number of a million digits to BigDecimal costs seconds.</li>
 * <li><b>Strings</b> at most {@value #MAX_STRING_LENGTH} characters: above every field's own limit
 * (the longest is 100,000), so a field's {@code maxLength} still answers first with its own 422.</li>
 * <li><b>Duplicate keys</b> are refused: {@code {"title":"a","title":"b"}} is ambiguous, and a
 * gateway, a log or a portal that reads the first one would disagree with a service that keeps the last.</li>
 * <li><b>No silent coercion</b>: a number where the API describes a string (and the other way
 * round), a boolean as a string, a fraction for an integer ({@code 1.5} cents truncated to 1), a number
 * for an enum (the constant at that position), a number for a date or an instant (read as seconds since
 * 1970: {@code "opensAt": 4711} opened a call in 1970), null for a primitive, and anything after the
 * document are refused instead of turned into a value the caller did not send.</li>
 * </ul>
 * The document's total length is not limited here: {@code quarkus.http.limits.max-body-size} refuses a
 * larger request before it is parsed (413), and events and stored rows must never fail to be read
 * later because of a limit meant for requests. {@code ProblemMappers} answers each refusal as
 * problem+json naming the limit (400 for structure and types, 413 for a string over the length).
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_STRING_LENGTH = 1_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        // java.time's deserializers ignore the coercion settings and take numbers as epoch values.
        mapper.registerModule(new SimpleModule("handinhand-times-as-text").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return description.getBeanClass().getName().startsWith("java.time.") ? new TextOnly(deserializer) : deserializer;
            }
        }));
    }

    /** A java.time value only from its ISO text (or whatever its own deserializer takes), never from a number. */
    static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
