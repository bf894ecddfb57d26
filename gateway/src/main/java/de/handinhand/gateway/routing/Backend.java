package de.handinhand.gateway.routing;

import java.net.URI;
import java.util.List;

/**
 * A service behind the gateway: its name ({@code submission}), where it listens and the path prefixes it
 * serves, all from the gateway's configuration ({@code handinhand.gateway.backends.<name>}).
 */
public record Backend(String name, URI url, List<String> prefixes) {

    public Backend {
        prefixes = List.copyOf(prefixes);
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
