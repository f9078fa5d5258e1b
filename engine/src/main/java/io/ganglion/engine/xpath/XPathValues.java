package io.ganglion.engine.xpath;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.axiom.om.OMNode;

/**
 * Turns property values into XPath values: nodes become one-node node-sets (so their string
 * value is their text and paths can continue from them), strings and booleans stay as they are,
 * anything else becomes its text; a missing value is the empty string. Thread-safe: stateless.
 */
final class XPathValues {

    private XPathValues() {}

    static Object of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof OMNode) {
            return Collections.singletonList(value);
        }
        if (value instanceof List<?> list && list.stream().allMatch(o -> o instanceof OMNode)) {
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            return map.toString();
        }
        return value.toString();
    }
}
