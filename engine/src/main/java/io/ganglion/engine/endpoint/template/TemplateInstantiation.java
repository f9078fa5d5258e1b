package io.ganglion.engine.endpoint.template;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.ReadContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMAttribute;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMNode;
import org.apache.axiom.om.OMText;

/**
 * Turns an endpoint template and a template endpoint's parameters into an endpoint: every
 * {@code $parameter} in attribute values and text is replaced by its value (longest names first,
 * so {@code $uri2} is not read as {@code $uri}), and the result is read as an ordinary
 * {@code <endpoint>}. Thread-safe: stateless.
 */
final class TemplateInstantiation {

    /** Templates instantiating templates: how deep it may go on one thread. */
    static final int MAX_DEPTH = 8;
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private TemplateInstantiation() {}

    /** How deep the current thread is in nested instantiations. */
    static int depth() {
        return DEPTH.get();
    }

    /**
     * The endpoint {@code template} gives with {@code given} parameter values.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static Endpoint instantiate(EndpointTemplate template, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (EndpointTemplate.Parameter p : template.parameters()) {
            String v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            if (v == null) {
                throw new IllegalArgumentException("endpoint template '" + template.name() + "' needs a value for"
                        + " parameter '" + p.name() + "'");
            }
            values.put(p.name(), v);
        }
        given.forEach(values::putIfAbsent);
        values.putIfAbsent("name", "");
        List<String> names = new ArrayList<>(values.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed());

        String file = template.location() == null ? "template " + template.name() : template.location().file();
        int depth = DEPTH.get();
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("endpoint template '" + template.name() + "' is instantiated more than "
                    + MAX_DEPTH + " levels deep; do templates refer to each other in a cycle?");
        }
        DEPTH.set(depth + 1);
        try {
            ReadContext ctx = ReadContext.forText(file, template.endpointXml());
            OMElement root = ctx.root();
            substitute(root, names, values);
            String name = root.getAttributeValue(new QName("name"));
            if (name != null && name.isBlank()) {
                root.removeAttribute(root.getAttribute(new QName("name")));
            }
            return ctx.endpoint(root);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("endpoint template '" + template.name() + "' with these parameters"
                    + " is not a valid endpoint: " + e.getMessage(), e);
        } finally {
            DEPTH.set(depth);
        }
    }

    private static void substitute(OMElement el, List<String> names, Map<String, String> values) {
        for (Iterator<OMAttribute> it = el.getAllAttributes(); it.hasNext();) {
            OMAttribute a = it.next();
            String v = replace(a.getAttributeValue(), names, values);
            if (!v.equals(a.getAttributeValue())) {
                a.setAttributeValue(v);
            }
        }
        for (Iterator<OMNode> it = el.getChildren(); it.hasNext();) {
            OMNode n = it.next();
            if (n instanceof OMElement child) {
                substitute(child, names, values);
            } else if (n instanceof OMText text && text.getText().indexOf('$') >= 0) {
                String v = replace(text.getText(), names, values);
                if (!v.equals(text.getText())) {
                    OMText replacement = el.getOMFactory().createOMText(v);
                    text.insertSiblingAfter(replacement);
                    it.remove();
                }
            }
        }
    }

    private static String replace(String s, List<String> names, Map<String, String> values) {
        if (s.indexOf('$') < 0) {
            return s;
        }
        String out = s;
        for (String n : names) {
            out = out.replace("$" + n, values.get(n));
        }
        return out;
    }
}
