package de.handinhand.common.web.testapp;

import de.handinhand.common.web.Page;
import de.handinhand.common.web.params.Coordinates;
import de.handinhand.common.web.params.Languages;
import de.handinhand.common.web.params.PageParams;
import de.handinhand.common.web.validation.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test-only endpoints that take every typed parameter and a validated body, and echo what arrived. */
@Path("/test/samples")
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {

    public enum Sort {
        RELEVANCE, TITLE, DISTANCE, UPDATED
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public SampleRequest create(@Valid @NotNull SampleRequest request) {
        return request;
    }

    /** A free-form body, like the services' answer maps: any JSON object, nested as deep as it comes. */
    @POST
    @Path("/free")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> free(@NotNull Map<String, Object> body) {
        return body;
    }

    /** A bare list as the body (like {@code PUT …/jurors}), checked by a custom constraint. */
    @POST
    @Path("/names")
    @Consumes(MediaType.APPLICATION_JSON)
    public java.util.List<String> names(@NoDuplicates @NotNull java.util.List<String> names) {
        return names;
    }

    @GET
    public Map<String, Object> list(@Valid @BeanParam PageParams paging,
            @QueryParam("callId") UUID callId,
            @QueryParam("sort") Sort sort,
            @QueryParam("validOn") LocalDate validOn,
            @QueryParam("since") Instant since,
            @QueryParam("near") Coordinates near,
            @QueryParam("free") Boolean free,
            @QueryParam("radiusKm") Double radiusKm,
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("lang") @Pattern(regexp = Rules.LANGUAGE, message = Rules.LANGUAGE_MESSAGE) String lang,
            @Context HttpHeaders headers) {
        Page.Request page = paging.request();
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("page", page.page());
        echo.put("size", page.size());
        echo.put("callId", callId);
        echo.put("sort", sort);
        echo.put("validOn", validOn);
        echo.put("since", since);
        echo.put("near", near == null ? null : Map.of("lat", near.lat(), "lon", near.lon()));
        echo.put("free", free);
        echo.put("radiusKm", radiusKm);
        echo.put("q", q);
        echo.put("shown", Languages.pick(lang, headers, "de"));
        echo.put("acceptable", Languages.acceptable(headers));
        return echo;
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") UUID id, @HeaderParam("X-Since") Instant since) {
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("id", id);
        echo.put("since", since);
        return echo;
    }

    /** Fails the way a transaction does that the database picked as a deadlock victim, wrapped as Hibernate wraps it. */
    @POST
    @Path("/deadlock")
    public String deadlock() {
        throw new IllegalStateException("could not execute statement",
                new java.sql.SQLException("ERROR: deadlock detected", "40P01"));
    }

    /** Fails with a database error that sending again would not cure (a unique violation). */
    @POST
    @Path("/duplicate")
    public String duplicate() {
        throw new IllegalStateException("could not execute statement",
                new java.sql.SQLException("ERROR: duplicate key value", "23505"));
    }
}
