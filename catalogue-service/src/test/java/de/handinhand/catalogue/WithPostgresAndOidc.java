package de.handinhand.catalogue;

import de.handinhand.common.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a @QuarkusTest that needs the real infrastructure: an embedded PostgreSQL and the WireMock
 * OIDC server whose key signs {@link de.handinhand.common.testing.TestTokens}. Only the tests that
 * carry it get them; tests with the same resources share one running application.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@WithTestResource(EmbeddedPostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
public @interface WithPostgresAndOidc {
}
