package de.handinhand.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The judge of the end-to-end answers ({@link ApiDocument}) on a small OpenAPI 3.1 document: it
 * finds the operation behind a concrete path (literal segments before parameters), refuses a status,
 * a media type or a body the document does not describe, reads 3.1's schemas (type arrays with
 * null, {@code $ref}s to components) and asserts formats.
 */
class ApiDocumentTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/api/offers/{id}": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Offer"}}}},
                 "404": {"description": "no", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/api/offers/mine": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array",
                   "items": {"$ref": "#/components/schemas/Offer"}}}}}}}},
               "/api/offers/{id}/archive": {"post": {"responses": {"204": {"description": "done"}}}}
             },
             "components": {"schemas": {
               "Offer": {"type": "object", "required": ["id", "title"], "properties": {
                 "id": {"type": "string", "format": "uuid"},
                 "title": {"type": "string", "maxLength": 10},
                 "archivedAt": {"type": ["string", "null"], "format": "date-time"}}},
               "Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}}}}
            """;
    private static final String ID = "0b6c3b1e-8f4e-4c61-9a55-2a7f7d1c8e10";

    private final ApiDocument document = new ApiDocument(DOCUMENT);

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertEquals("/api/offers/mine", document.operation("GET", "/api/offers/mine").orElseThrow().path());
        assertEquals("/api/offers/{id}", document.operation("GET", "/api/offers/" + ID).orElseThrow().path());
        assertTrue(document.operation("DELETE", "/api/offers/" + ID).isEmpty());
    }

    @Test
    void describedAnswersConform() {
        assertEquals(List.of(), document.violations("GET", "/api/offers/" + ID, 200, "application/json;charset=UTF-8",
                "{\"id\": \"" + ID + "\", \"title\": \"Café\", \"archivedAt\": null}"));
        assertEquals(List.of(), document.violations("GET", "/api/offers/" + ID, 200, "application/json",
                "{\"id\": \"" + ID + "\", \"title\": \"Café\", \"archivedAt\": \"2026-12-01T10:00:00Z\"}"));
        assertEquals(List.of(), document.violations("GET", "/api/offers/mine", 200, "application/json", "[]"));
        assertEquals(List.of(), document.violations("GET", "/api/offers/x", 404, "application/problem+json",
                "{\"status\": 404}"));
        assertEquals(List.of(), document.violations("POST", "/api/offers/" + ID + "/archive", 204, null, ""));
        // No such operation: the gateway's 405 is right; health is not judged.
        assertEquals(List.of(), document.violations("DELETE", "/api/offers/" + ID, 405, "application/problem+json", "{}"));
        assertEquals(List.of(), document.violations("GET", "/q/health", 500, "text/plain", "down"));
    }

    @Test
    void whatTheDocumentDoesNotDescribeIsFound() {
        assertEquals(1, document.violations("GET", "/api/offers/" + ID, 500, "application/problem+json", "{}").size(),
                "an undescribed status");
        assertEquals(1, document.violations("GET", "/api/offers/" + ID, 404, "text/html", "<p>no</p>").size(),
                "an undescribed media type");
        assertEquals(1, document.violations("POST", "/api/offers/" + ID + "/archive", 204, "application/json", "{}").size(),
                "a body where none is described");
        assertEquals(1, document.violations("GET", "/api/offers/" + ID, 200, "application/json", "{\"id\": \"" + ID
                + "\"}").size(), "a required property missing");
        assertEquals(1, document.violations("GET", "/api/offers/" + ID, 200, "application/json", "{\"id\": \"" + ID
                + "\", \"title\": \"far too long a title\"}").size(), "past maxLength");
        assertEquals(1, document.violations("GET", "/api/offers/" + ID, 200, "application/json",
                "{\"id\": \"not-a-uuid\", \"title\": \"Café\"}").size(), "a format asserted");
        assertEquals(1, document.violations("GET", "/api/offers/" + ID, 200, "application/json", "{\"id\": \"" + ID
                + "\", \"title\": \"Café\", \"archivedAt\": 17}").size(), "a type array without number");
        assertEquals(2, document.violations("GET", "/api/offers/mine", 200, "application/json", "[{\"title\": 1}]").size(),
                "items of an array, through a $ref: id missing, title not a string");
    }
}
