package de.handinhand.common.web.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation open to every signed-in person, whatever their roles (a volunteer initiative
 * proposing an offer has none), but not to machine clients: a portal's token ({@link Roles#PORTAL},
 * SPEC §1: portals read the public API) is refused with 403 before the body is read or validated,
 * so a portal learns nothing from a 422 and nothing is stored. {@code @RolesAllowed} cannot say
 * "any person", since a person may hold no role at all.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface PeopleOnly {
}
