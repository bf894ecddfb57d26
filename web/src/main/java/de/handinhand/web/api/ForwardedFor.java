package de.handinhand.web.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/**
 * Names the visitor to the gateway: its rate limit for anonymous callers is per address, and
 * without this every visitor of the pages would share this server's one bucket. The gateway only
 * believes the header from the addresses in its GATEWAY_TRUSTED_PROXIES. Behind a proxy of its
 * own, this server learns the visitor's address from quarkus.http.proxy.* settings.
 */
public class ForwardedFor implements ClientRequestFilter {

    @Inject
    Instance<HttpServerRequest> request;

    @Override
    public void filter(ClientRequestContext context) {
        if (request.isResolvable()) {
            try {
                HttpServerRequest incoming = request.get();
                if (incoming.remoteAddress() != null) {
                    context.getHeaders().putSingle("X-Forwarded-For", incoming.remoteAddress().hostAddress());
                }
            } catch (RuntimeException e) {
                // No request in this context (a background refresh): the gateway counts this server.
            }
        }
    }
}
