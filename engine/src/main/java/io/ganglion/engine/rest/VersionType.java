package io.ganglion.engine.rest;

/** Where an API's {@code version} appears in request paths ({@code version-type}). */
public enum VersionType {
    /** After the context: {@code /orders/1.0/...}. */
    URL("url"),
    /** Inside the context, at its {@code {version}} placeholder: {@code /1.0/orders/...}. */
    CONTEXT("context");

    private final String xmlName;

    VersionType(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The attribute value. */
    public String xmlName() {
        return xmlName;
    }

    /** The type for an attribute value, or null when unknown. */
    public static VersionType of(String xmlName) {
        for (VersionType t : values()) {
            if (t.xmlName.equals(xmlName)) {
                return t;
            }
        }
        return null;
    }
}
