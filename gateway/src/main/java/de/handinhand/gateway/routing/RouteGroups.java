package de.handinhand.gateway.routing;

import de.handinhand.gateway.GatewayConfig;
import de.handinhand.gateway.ratelimit.RateGroup;
import de.handinhand.gateway.routing.OperationTable.Body;
import de.handinhand.gateway.routing.OperationTable.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;

/**
 * How the gateway treats a request: its rate-limit group, the largest body it forwards and how long the
 * service may take to answer. Decided from the operation the service documents where the document says
 * it (a file or text body, a public read), else from the gateway's configuration:
 * <ul>
 * <li>a file body ({@link Body#FILE}, e.g. an attachment upload): {@code uploads}, the upload size limit,
 * the long timeout;</li>
 * <li>a text body ({@link Body#TEXT}, the legacy import): {@code writes}, the normal size limit, the long
 * timeout;</li>
 * <li>other writes: {@code writes}, the normal size limit and timeout;</li>
 * <li>reads (GET, HEAD, OPTIONS): {@code search} for the public reads of the services named in
 * {@code rate-limit.search.services}, else {@code default}; the read timeout.</li>
 * </ul>
 * While a service's document has never been fetched the operation is unknown and the service decides
 * alone: reads are reads (searches for a search service), and a write may be an upload, so it gets the
 * larger size limit and the long timeout, counted as a write; the service applies its own limits anyway.
 */
@ApplicationScoped
public class RouteGroups {

    public record Treatment(RateGroup rate, long bodyLimit, Duration timeout) {
    }

    private final GatewayConfig.Timeouts timeouts;
    private final long maxBody;
    private final long maxUpload;
    private final Set<String> searchServices;

    public RouteGroups(GatewayConfig config) {
        this.timeouts = config.timeouts();
        this.maxBody = config.maxBodySize().asLongValue();
        this.maxUpload = config.attachmentMaxBodySize().asLongValue();
        this.searchServices = Set.copyOf(config.rateLimit().search().services());
    }

    /** @param operation the documented operation; null while the backend's document is unknown */
    public Treatment of(Backend backend, Operation operation, String method) {
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (operation == null) {
            return read ? new Treatment(readGroup(backend, true), maxBody, timeouts.read())
                    : new Treatment(RateGroup.WRITES, Math.max(maxBody, maxUpload), timeouts.upload());
        }
        if (operation.body() == Body.FILE) {
            return new Treatment(RateGroup.UPLOADS, maxUpload, timeouts.upload());
        }
        if (operation.body() == Body.TEXT) {
            return new Treatment(read ? RateGroup.DEFAULT : RateGroup.WRITES, maxBody, timeouts.upload());
        }
        if (read) {
            return new Treatment(readGroup(backend, operation.access().open()), maxBody, timeouts.read());
        }
        return new Treatment(RateGroup.WRITES, maxBody, timeouts.writes());
    }

    private RateGroup readGroup(Backend backend, boolean open) {
        return open && searchServices.contains(backend.name()) ? RateGroup.SEARCH : RateGroup.DEFAULT;
    }
}
