package de.handinhand.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.gateway.routing.OperationTable.Body;
import de.handinhand.gateway.routing.OperationTable.Lookup;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Security as the merger publishes it: one requirement per role, [] for any signed-in caller. */
    private static final OperationTable TABLE = OperationTable.of(json("""
            {'paths': {
              '/api/offers': {
                'get': {},
                'post': {'security': [{'k': []}], 'requestBody': {'content': {'application/json': {}}}}},
              '/api/offers/mine': {'get': {'security': [{'k': []}]}},
              '/api/offers/{id}': {
                'get': {},
                'put': {'security': [{'k': ['publisher']}]},
                'delete': {'security': [{'k': ['publisher']}, {'k': ['organizer']}]}},
              '/api/offers/{id}/history': {'get': {'security': [{'k': ['publisher']}]}},
              '/api/entries/{id}/files': {
                'post': {'security': [{'k': ['submitter']}], 'requestBody': {'content': {'*/*': {}}}}},
              '/api/entries/{id}/files/{file}': {'get': {'security': [{'k': ['submitter']}, {'k': ['juror']}]}},
              '/api/entries/{id}/pdf': {'put': {'requestBody': {'$ref': '#/components/requestBodies/Pdf'}}},
              '/api/imports/legacy': {'post': {'requestBody': {'content': {'text/plain; charset=UTF-8': {}}}}},
              '/api/reports/{year}-{month}.csv': {'get': {}},
              '/api/reports/{name}': {'get': {'security': [{'k': ['organizer']}]}}},
             'components': {'requestBodies': {'Pdf': {'content': {'application/pdf': {}}}}}}
            """));

    private static Access access(String method, String path) {
        Lookup lookup = TABLE.find(method, path);
        return lookup.operation() == null ? null : lookup.operation().access();
    }

    @Test
    void aLiteralSegmentWinsOverAParameterAsInJaxRs() {
        assertEquals(Access.SIGNED_IN, access("GET", "/api/offers/mine"));
        assertEquals("/api/offers/mine", TABLE.find("GET", "/api/offers/mine").operation().template());
        assertEquals(Access.PUBLIC, access("GET", "/api/offers/minefield"));
        assertEquals(Access.PUBLIC, access("GET", "/api/offers/123"));
        // The more literal template wins even where both match: {year}-{month}.csv before {name}.
        assertEquals(Access.PUBLIC, access("GET", "/api/reports/2026-05.csv"));
        assertEquals(new Access(false, Set.of("organizer")), access("GET", "/api/reports/summary"));
    }

    @Test
    void eachRoleOfTheRequirementsAdmitsOnItsOwn() {
        Access delete = access("DELETE", "/api/offers/1");
        assertEquals(new Access(false, Set.of("publisher", "organizer")), delete);
        assertEquals(true, delete.admits("organizer"::equals));
        assertEquals(true, delete.admits("publisher"::equals));
        assertEquals(false, delete.admits("submitter"::equals));
        assertEquals(true, Access.SIGNED_IN.admits(role -> false), "any valid token");
    }

    @Test
    void aParameterIsOneWholeNonEmptySegmentAndOneTrailingSlashIsIgnored() {
        assertEquals(Lookup.NONE, TABLE.find("GET", "/api/offers/1/history/x"));
        assertEquals(Lookup.NONE, TABLE.find("GET", "/api/offers//history"));
        assertEquals(Lookup.NONE, TABLE.find("GET", "/api/offersx"));
        assertEquals(Lookup.NONE, TABLE.find("GET", "/api/entries/1/filesx"));
        assertEquals(new Access(false, Set.of("publisher")), access("GET", "/api/offers/1/history/"));
        assertEquals(Access.PUBLIC, access("GET", "/api/offers/"));
    }

    @Test
    void aKnownPathWithAnotherMethodNamesTheMethodsItAllows() {
        Lookup lookup = TABLE.find("PATCH", "/api/offers/1");
        assertNull(lookup.operation());
        assertEquals(Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS"), lookup.allowed());
        assertEquals(Set.of("POST", "OPTIONS"), TABLE.find("GET", "/api/entries/1/files").allowed());
    }

    @Test
    void headIsTheGetOperationAndOptionsOnAKnownPathIsPublic() {
        assertEquals(new Access(false, Set.of("submitter", "juror")), access("HEAD", "/api/entries/1/files/2"));
        assertEquals(Access.PUBLIC, access("OPTIONS", "/api/entries/1/files"));
        assertEquals(Lookup.NONE, TABLE.find("OPTIONS", "/api/nothing"));
        assertNull(TABLE.find("HEAD", "/api/entries/1/files").operation(), "no GET, no HEAD");
    }

    @Test
    void theRequestBodysMediaTypesSayWhetherItIsAFileOrText() {
        assertEquals(Body.FILE, TABLE.find("POST", "/api/entries/1/files").operation().body());
        assertEquals(Body.FILE, TABLE.find("PUT", "/api/entries/1/pdf").operation().body(), "a $ref is followed");
        assertEquals(Body.TEXT, TABLE.find("POST", "/api/imports/legacy").operation().body());
        assertEquals(Body.NONE, TABLE.find("POST", "/api/offers").operation().body());
        assertEquals(Body.NONE, TABLE.find("GET", "/api/offers").operation().body());
    }

    @Test
    void securityIsReadAsOpenApiDefinesIt() {
        JsonNode root = json("[{'k': ['organizer']}]");
        assertEquals(Access.PUBLIC, Access.of(null, null), "no requirement anywhere");
        assertEquals(new Access(false, Set.of("organizer")), Access.of(null, root), "the document's requirement");
        assertEquals(Access.PUBLIC, Access.of(json("[]"), root), "an empty list lifts the document's");
        assertEquals(Access.PUBLIC, Access.of(json("[{}, {'k': ['juror']}]"), null), "{} makes the token optional");
        assertEquals(Access.SIGNED_IN, Access.of(json("[{'k': []}]"), null));
        assertEquals(Access.SIGNED_IN, Access.of(json("[{'k': ['juror']}, {'k': []}]"), null),
                "an alternative without roles admits any token");
        assertEquals(new Access(false, Set.of("juror", "organizer")),
                Access.of(json("[{'a': ['juror'], 'b': ['organizer']}]"), null), "as the services mean @RolesAllowed");
        assertEquals(Access.SIGNED_IN, Access.of(json("{'k': ['juror']}"), null), "unreadable: a token at least");
    }

    @Test
    void anEmptyDocumentNamesNothing() {
        assertEquals(List.of(), OperationTable.of(json("{}")).operations());
        assertEquals(Lookup.NONE, OperationTable.EMPTY.find("GET", "/api/offers"));
    }
}
