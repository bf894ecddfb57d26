package de.handinhand.web.common;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Error pages in the page language, with the right status: 404 for what does not exist or may
 * not be seen, 403 for a signed-in person without the role, 503 when the API is away.
 */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance forbidden();

        static native TemplateInstance unavailable(boolean signInAgain);

        static native TemplateInstance badRequest();

        static native TemplateInstance failed(String errorId);
    }

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundPage e) {
        return page(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response unknownPath(NotFoundException e) {
        return page(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return page(405, Templates.badRequest());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, Templates.forbidden());
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailablePage e) {
        return page(503, Templates.unavailable(e.signInAgain()));
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestPage e) {
        return page(400, Templates.badRequest());
    }

    /** A fault of ours: logged with an id the person can quote; nothing of it shown. */
    @ServerExceptionMapper
    public Response failed(RuntimeException e) {
        if (e instanceof WebApplicationException w) {
            return w.getResponse();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Page failed, error id %s", id);
        return page(500, Templates.failed(id));
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .header("Cache-Control", "no-store").build();
    }
}
