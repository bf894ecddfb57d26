package de.handinhand.common.web.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Says in the document what the services send: a property that is not required may be {@code null}.
 * The services' JSON carries every property of an answer record, {@code null} where there is no value
 * (an entry not yet submitted, a call without a budget), and takes {@code null} for an optional field
 * of a request; SmallRye describes such a property only by its type ({@code "type": "string"}), which a
 * {@code null} does not match. So each optional property's type gains {@code "null"} (its enum, if any,
 * the value null), and an optional property that is a {@code $ref} becomes
 * {@code anyOf: [$ref, {type: null}]}. Required properties stay as they are: they are never null.
 */
final class NullableOptionals {

    private final Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private NullableOptionals() {
    }

    static void apply(OpenAPI openAPI) {
        NullableOptionals visitor = new NullableOptionals();
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(visitor::visit);
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> {
                if (item.getOperations() == null) {
                    return;
                }
                item.getOperations().values().forEach(operation -> {
                    if (operation.getRequestBody() != null) {
                        visitor.visit(operation.getRequestBody().getContent());
                    }
                    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                        operation.getResponses().getAPIResponses().values().forEach(r -> visitor.visit(r.getContent()));
                    }
                });
            });
        }
    }

    private void visit(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            visit(media.getSchema());
        }
    }

    private void visit(Schema schema) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        visit(schema.getItems());
        if (schema.getAdditionalPropertiesSchema() != null) {
            visit(schema.getAdditionalPropertiesSchema());
        }
        for (List<Schema> parts : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
            parts.forEach(this::visit);
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new ArrayList<>(properties.entrySet())) {
            Schema value = property.getValue();
            visit(value);
            if (value == null || required.contains(property.getKey())) {
                continue;
            }
            if (value.getRef() != null) {
                Schema nullable = OASFactory.createSchema()
                        .anyOf(new ArrayList<>(List.of(OASFactory.createSchema().ref(value.getRef()),
                                OASFactory.createSchema().addType(SchemaType.NULL))))
                        .description(value.getDescription());
                schema.addProperty(property.getKey(), nullable);
            } else if (value.getType() != null && !value.getType().isEmpty() && !value.getType().contains(SchemaType.NULL)) {
                value.addType(SchemaType.NULL);
                if (value.getEnumeration() != null && !value.getEnumeration().contains(null)) {
                    value.addEnumeration(null);
                }
            }
        }
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
