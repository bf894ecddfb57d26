package de.handinhand.gateway.routing;

import io.vertx.core.http.HttpMethod;
import java.util.Set;

/**
 * One line of the route table: requests under {@code prefix} with one of {@code methods} (empty:
 * any method) go to {@code backend}; {@code roles} empty means any caller with a valid token,
 * {@code open} means no token is needed. This is the first line of defence only: the service
 * decides again.
 */
public record RouteRule(String prefix, Set<HttpMethod> methods, Backend backend, boolean open, Set<String> roles,
        java.util.regex.Pattern only) {

    static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    public static RouteRule open(String prefix, Set<HttpMethod> methods, Backend backend) {
        return new RouteRule(prefix, methods, backend, true, Set.of(), null);
    }

    public static RouteRule signedIn(String prefix, Backend backend) {
        return new RouteRule(prefix, Set.of(), backend, false, Set.of(), null);
    }

    /**
     * Any signed-in caller, for the paths under {@code prefix} that match {@code only} (the whole
     * path) with one of {@code methods}.
     */
    public static RouteRule signedIn(String prefix, String only, Set<HttpMethod> methods, Backend backend) {
        return new RouteRule(prefix, methods, backend, false, Set.of(), java.util.regex.Pattern.compile(only));
    }

    public static RouteRule roles(String prefix, Backend backend, String... roles) {
        return new RouteRule(prefix, Set.of(), backend, false, Set.of(roles), null);
    }

    /**
     * Callers with one of {@code roles}, for the paths under {@code prefix} that match {@code only}
     * (the whole path) with one of {@code methods}.
     */
    public static RouteRule roles(String prefix, String only, Set<HttpMethod> methods, Backend backend,
            String... roles) {
        return new RouteRule(prefix, methods, backend, false, Set.of(roles), java.util.regex.Pattern.compile(only));
    }

    /** Segment-aware: {@code /api/calls} covers {@code /api/calls} and {@code /api/calls/x}, not {@code /api/callsx}. */
    public boolean matches(HttpMethod method, String path) {
        boolean pathMatches = (path.equals(prefix) || path.startsWith(prefix + "/"))
                && (only == null || only.matcher(path).matches());
        return pathMatches && (methods.isEmpty() || methods.contains(method));
    }
}
