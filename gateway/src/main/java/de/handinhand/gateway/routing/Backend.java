package de.handinhand.gateway.routing;

import java.net.URI;
import java.util.List;

/**
 * A service behind the gateway: its name ({@code submission}), the instances that serve it and the path
 * prefixes it serves, all from the gateway's configuration ({@code handinhand.gateway.backends.<name>};
 * several instances as a comma-separated {@code url}). The gateway spreads requests over the instances
 * in turn (ProxyHandler).
 */
public record Backend(String name, List<URI> instances, List<String> prefixes) {

    public Backend {
        if (instances == null || instances.isEmpty()) {
            throw new IllegalArgumentException("Backend " + name + ": no instance configured (url)");
        }
        instances = List.copyOf(instances);
        prefixes = List.copyOf(prefixes);
    }

    /** A backend with one instance. */
    public Backend(String name, URI url, List<String> prefixes) {
        this(name, List.of(url), prefixes);
    }

    /** The first instance, for messages and where one address will do. */
    public URI url() {
        return instances.get(0);
    }

    /** The longest of this backend's prefixes that covers {@code path} (whole segments), or null. */
    public String prefixFor(String path) {
        String longest = null;
        for (String prefix : prefixes) {
            if ((path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"))
                    && (longest == null || prefix.length() > longest.length())) {
                longest = prefix;
            }
        }
        return longest;
    }
}
