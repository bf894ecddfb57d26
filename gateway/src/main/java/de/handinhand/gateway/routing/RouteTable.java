package de.handinhand.gateway.routing;

import static de.handinhand.gateway.routing.RouteRule.READ;

import de.handinhand.common.web.security.Roles;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Which service serves a path and who may call it at all. Rules are tried in order; a path no
 * rule covers is a 404 at the gateway and never reaches a service.
 */
@ApplicationScoped
public class RouteTable {

    private final List<RouteRule> rules = List.of(
            RouteRule.open("/api/calls", READ, Backend.SUBMISSION),
            RouteRule.roles("/api/calls", Backend.SUBMISSION, Roles.ORGANIZER),
            RouteRule.open("/api/municipalities", READ, Backend.SUBMISSION),
            RouteRule.roles("/api/municipalities", Backend.SUBMISSION, Roles.ORGANIZER),
            // Jurors read the attachments of the entries assigned to them, and nothing else of an entry;
            // the submission service checks the assignment.
            RouteRule.roles("/api/submissions", "/api/submissions/[^/]+/attachments(/[^/]+)?", READ,
                    Backend.SUBMISSION, Roles.SUBMITTER, Roles.ORGANIZER, Roles.JUROR),
            RouteRule.roles("/api/submissions", Backend.SUBMISSION, Roles.SUBMITTER, Roles.ORGANIZER),
            RouteRule.roles("/api/imports", Backend.SUBMISSION, Roles.ORGANIZER),
            // A caller's own proposals: a token is required before the public offer reads below.
            RouteRule.signedIn("/api/catalogue/offers/mine", Backend.CATALOGUE),
            RouteRule.open("/api/catalogue/offers", READ, Backend.CATALOGUE),
            RouteRule.open("/api/catalogue/taxonomy", READ, Backend.CATALOGUE),
            RouteRule.open("/api/catalogue/hsds", READ, Backend.CATALOGUE),
            // Any signed-in user may propose an offer; the catalogue decides what the proposal may do.
            RouteRule.signedIn("/api/catalogue", Backend.CATALOGUE),
            // Published results are for every signed-in caller (portals, jury tools); the scoring
            // service refuses anyone but organizers and jurors before publication.
            RouteRule.signedIn("/api/scoring", "/api/scoring/calls/[^/]+/(ranking|results)", READ, Backend.SCORING),
            RouteRule.roles("/api/scoring", Backend.SCORING, Roles.ORGANIZER, Roles.JUROR));

    private static final java.util.regex.Pattern ATTACHMENT_UPLOAD =
            java.util.regex.Pattern.compile("/api/submissions/[^/]+/attachments");

    /** Attachment uploads carry files; every other request carries JSON or short text. */
    public boolean isAttachmentUpload(HttpMethod method, String path) {
        return method == HttpMethod.POST && ATTACHMENT_UPLOAD.matcher(path).matches();
    }

    /**
     * Requests whose service works on whole files: attachment uploads and the legacy import. They get
     * the long timeout.
     */
    public boolean isLongRunning(HttpMethod method, String path) {
        return isAttachmentUpload(method, path) || path.equals("/api/imports") || path.startsWith("/api/imports/");
    }

    public Optional<RouteRule> match(HttpMethod method, String path) {
        return rules.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    /** Whether any rule covers the path with some method (to tell 405 from 404). */
    public boolean knows(String path) {
        return rules.stream().anyMatch(rule -> path.equals(rule.prefix()) || path.startsWith(rule.prefix() + "/"));
    }

    public List<RouteRule> rules() {
        return rules;
    }
}
