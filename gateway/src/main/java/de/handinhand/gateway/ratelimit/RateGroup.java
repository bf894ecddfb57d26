package de.handinhand.gateway.ratelimit;

/** The route groups that have a token bucket of their own per client; the name is the configuration's. */
public enum RateGroup {
    /** Reads no other group covers. */
    DEFAULT("default"),
    /** Public reads of the services named in {@code rate-limit.search.services} (the catalogue). */
    SEARCH("search"),
    /** Every other method, except file uploads. */
    WRITES("writes"),
    /** Operations whose request body is a file. */
    UPLOADS("uploads");

    private final String configName;

    RateGroup(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
