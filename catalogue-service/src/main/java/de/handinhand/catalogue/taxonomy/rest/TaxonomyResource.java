package de.handinhand.catalogue.taxonomy.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.handinhand.catalogue.taxonomy.api.Taxonomy;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The labels of every code, for portals and the web pages to show offers without a code list of
 * their own. It changes only with a release, so clients and proxies may keep it for a day and
 * then revalidate it with its ETag.
 */
@Path("/api/catalogue/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Taxonomy", description = "Labels of the codes offers carry")
public class TaxonomyResource {

    static final int MAX_AGE_SECONDS = 86_400;

    private final Taxonomy taxonomy = Taxonomy.current();
    private final EntityTag tag;

    public TaxonomyResource(ObjectMapper json) {
        this.tag = new EntityTag(digest(json, taxonomy));
    }

    @GET
    @PermitAll
    @Operation(operationId = "getTaxonomy", summary = "Labels of every code", description = "Public: every field-of-action, target-group and "
            + "language code the catalogue accepts, each with its German and English label. Cacheable for a day "
            + "(Cache-Control), then revalidated with If-None-Match (ETag; 304 while unchanged).")
    @APIResponseSchema(value = Taxonomy.class, responseCode = "200", responseDescription = "The code lists with labels")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response get(@Context Request request) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = unchanged != null ? unchanged : Response.ok(taxonomy);
        // Public data: shared caches may keep it too.
        return answer.tag(tag).header("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS).build();
    }

    private static String digest(ObjectMapper json, Taxonomy taxonomy) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(taxonomy));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the taxonomy", e);
        }
    }
}
