package de.handinhand.scoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The jury's defaults; each can be set by environment variable (see application.properties). */
@ConfigMapping(prefix = "handinhand.scoring")
public interface ScoringConfig {

    /** Spread of the jurors' 0–100 totals above which an entry is flagged as disputed. */
    @WithDefault("25")
    double disagreementSpread();

    /** Published results mark ranks 1..N of each category as winners (ties at N included). */
    @WithDefault("1")
    int winnersPerCategory();
}
