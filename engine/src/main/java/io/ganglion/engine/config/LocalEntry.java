package io.ganglion.engine.config;

import org.apache.axiom.om.OMElement;

/**
 * A local entry: {@code <localEntry key="k">text or XML</localEntry>} (or {@code src="file"}).
 *
 * @param key the key
 * @param text the text value, or null when the entry holds XML
 * @param xml the XML value, or null when the entry holds text; callers must clone before changing it
 * @param location where it was defined
 */
public record LocalEntry(String key, String text, OMElement xml, Location location) {

    /** The value: text or XML element. */
    public Object value() {
        return xml != null ? xml : text;
    }
}
