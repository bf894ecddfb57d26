package de.handinhand.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The gateway's tests run against echo backends and the WireMock OIDC server. */
@QuarkusTestResource(EchoBackends.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
