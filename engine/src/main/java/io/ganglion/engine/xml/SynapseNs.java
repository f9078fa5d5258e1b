package io.ganglion.engine.xml;

import javax.xml.namespace.QName;

/** The Synapse configuration namespace and helpers for names in it. */
public final class SynapseNs {

    /** The namespace every configuration element lives in. */
    public static final String URI = "http://ws.apache.org/ns/synapse";

    private SynapseNs() {}

    /** A name in the Synapse namespace. */
    public static QName q(String localName) {
        return new QName(URI, localName);
    }
}
