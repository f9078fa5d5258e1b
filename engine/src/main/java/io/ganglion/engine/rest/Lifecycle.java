package io.ganglion.engine.rest;

import java.util.Locale;

/**
 * An API's lifecycle state, as WSO2 API Manager names them ({@code <api lifecycle="...">}; absent
 * means PUBLISHED, so Synapse configurations behave as before). PROTOTYPED, PUBLISHED and DEPRECATED
 * APIs are served; BLOCKED ones answer 503 with code {@value #BLOCKED_ERROR_CODE}; CREATED and RETIRED
 * ones are loaded and validated but not served. Prototype endpoints and prototype implementations
 * are allowed only while an API is CREATED or PROTOTYPED.
 */
public enum Lifecycle {
    CREATED,
    PROTOTYPED,
    PUBLISHED,
    BLOCKED,
    DEPRECATED,
    RETIRED;

    /** WSO2's error code for a call to a blocked API. */
    public static final int BLOCKED_ERROR_CODE = 700700;

    /** True when requests reach the API's resources. */
    public boolean served() {
        return this == PROTOTYPED || this == PUBLISHED || this == DEPRECATED;
    }

    /** True when the API takes part in dispatch (served, or blocked and answering 503). */
    public boolean dispatched() {
        return served() || this == BLOCKED;
    }

    /** True when the API may use prototype endpoints and prototype implementations. */
    public boolean allowsPrototypes() {
        return this == CREATED || this == PROTOTYPED;
    }

    /** The state named {@code name} (any case), or null. */
    public static Lifecycle of(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (Lifecycle l : values()) {
            if (l.name().equals(n)) {
                return l;
            }
        }
        return null;
    }
}
