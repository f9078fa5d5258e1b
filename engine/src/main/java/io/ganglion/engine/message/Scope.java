package io.ganglion.engine.message;

import java.util.Locale;

/** Where a property lives, as the {@code scope} attribute of Synapse's property mediator names it. */
public enum Scope {
    /** The message's own properties (Synapse's "synapse" or default scope). */
    DEFAULT("default"),
    /** Engine and transport knobs such as HTTP_SC, messageType, REST_URL_POSTFIX. */
    AXIS2("axis2"),
    /** Synapse's axis2-client scope; kept apart from axis2 as Synapse does. */
    AXIS2_CLIENT("axis2-client"),
    /** HTTP headers of the current message. */
    TRANSPORT("transport"),
    /** Java system properties (read only). */
    SYSTEM("system"),
    /** Template parameters of the innermost call-template ({@code $func:}). */
    FUNC("func"),
    /** Local entries ({@code get-property('registry', key)}). */
    REGISTRY("registry");

    private final String xmlName;

    Scope(String xmlName) {
        this.xmlName = xmlName;
    }

    public String xmlName() {
        return xmlName;
    }

    /** Parses a scope attribute; null for an unknown name. "synapse" is an alias of default. */
    public static Scope fromXml(String name) {
        if (name == null) {
            return DEFAULT;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("synapse")) {
            return DEFAULT;
        }
        for (Scope s : values()) {
            if (s.xmlName.equals(n)) {
                return s;
            }
        }
        return null;
    }
}
