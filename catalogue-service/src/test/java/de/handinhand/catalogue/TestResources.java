package de.handinhand.catalogue;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The real infrastructure every @QuarkusTest of this module runs on: an embedded PostgreSQL and
 * the WireMock OIDC server whose key signs {@link de.handinhand.common.testing.TestTokens}.
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
