package de.handinhand.gateway.routing;

/** The services behind the gateway. */
public enum Backend {
    SUBMISSION,
    CATALOGUE,
    SCORING
}
