package io.ganglion.engine.endpoint.definition;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code format} attribute of a leaf endpoint: the wire format the request is sent in.
 * Thread-safe: immutable.
 */
public enum Format {
    SOAP11("soap11", "text/xml"),
    SOAP12("soap12", "application/soap+xml"),
    POX("pox", "application/xml"),
    /** Send as an HTTP GET (Synapse's REST GET); the body is not sent. */
    GET("get", null),
    /** Treat the request as REST (append REST_URL_POSTFIX) and keep its content type. */
    REST("rest", null),
    JSON("json", "application/json"),
    /** WSO2's explicit "no format": keep the message as it is. */
    LEAVE_AS_IS("leave-as-is", null);

    private final String xmlName;
    private final String messageType;

    Format(String xmlName, String messageType) {
        this.xmlName = xmlName;
        this.messageType = messageType;
    }

    public String xmlName() {
        return xmlName;
    }

    /** The messageType the body is serialized as, or null when the message keeps its own. */
    public String messageType() {
        return messageType;
    }

    /** True when the body must be built and re-serialized in another format. */
    public boolean convertsBody() {
        return messageType != null;
    }

    /** True for the SOAP formats, which Synapse never treats as REST. */
    public boolean isSoap() {
        return this == SOAP11 || this == SOAP12;
    }

    /** Parses an attribute value (case-insensitive, as Synapse); null when unknown. */
    public static Format fromXml(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.xmlName.equals(v)) {
                return f;
            }
        }
        return null;
    }

    /** The accepted values, for error messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Format::xmlName).collect(Collectors.joining(", "));
    }
}
