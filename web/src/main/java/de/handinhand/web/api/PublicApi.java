package de.handinhand.web.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The gateway's public API, called without a token for people who are not signed in. The
 * visitor's address goes along as X-Forwarded-For, so the gateway's per-address rate limit counts
 * each visitor, not this server (the gateway believes it only from trusted proxies).
 */
@RegisterRestClient(configKey = "gateway")
@RegisterProvider(ForwardedFor.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface PublicApi {

    @GET
    @Path("/catalogue/offers")
    Response searchOffers(@RestQuery Map<String, String> query);

    @GET
    @Path("/catalogue/offers/{id}")
    Response offer(@PathParam("id") String id, @QueryParam("lang") String lang);

    @GET
    @Path("/catalogue/taxonomy")
    Response taxonomy();

    @GET
    @Path("/calls")
    Response calls(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/calls/{id}")
    Response call(@PathParam("id") String id);

    @GET
    @Path("/calls/{id}/form")
    Response form(@PathParam("id") String id);
}
