package de.handinhand.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** What a deployment sets for the pages (environment variables in application.properties). */
@ConfigMapping(prefix = "handinhand.web")
public interface WebConfig {

    /** The gateway, as this server reaches it. */
    String gatewayUrl();

    /** Tile URL template for the map ({z}/{x}/{y}); "none" shows markers without tiles. */
    @WithDefault("none")
    String mapTiles();

    /** Address for feedback on barriers, named on the accessibility statement. */
    String accessibilityContact();

    /** The pages' public origin (https://navigator.example.org) where a proxy rewrites Host; else the Host header. */
    Optional<String> publicUrl();
}
