package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.config.LocalEntry;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.axiom.om.OMAttribute;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMNode;
import org.apache.axiom.om.OMText;
import org.apache.axiom.soap.SOAPEnvelope;

/**
 * Copies (or moves) an XML fragment or text from a source into a target: the body, the envelope,
 * XPath-selected nodes, a property or inline content.
 *
 * <pre>{@code
 * <enrich>
 *   <source [clone="true|false"] [type="custom|envelope|body|property|inline"]
 *           [xpath="expr"] [property="name"] [key="localEntryKey"]>inline xml or text?</source>
 *   <target [action="replace|child|sibling"] [type="custom|envelope|body|property"]
 *           [xpath="expr"] [property="name"]/>
 * </enrich>
 * }</pre>
 *
 * <p>{@code body} is the body's first child; {@code replace} with text sets the target element's
 * text; a property target stores an element, a text string, or a list of nodes. Thread-safe:
 * immutable (inline content is cloned before use).
 */
public final class EnrichMediator implements Mediator {

    /** Where the content comes from. */
    public enum SourceType { CUSTOM, ENVELOPE, BODY, PROPERTY, INLINE }

    /** Where the content goes. */
    public enum TargetType { CUSTOM, ENVELOPE, BODY, PROPERTY }

    /** How the content is put at the target. */
    public enum Action { REPLACE, CHILD, SIBLING }

    /** The XML name of an enum constant (lower case). */
    static String xmlName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The source.
     *
     * @param type the source type
     * @param copy the {@code clone} attribute: false to use the selected nodes themselves, not copies
     * @param xpath the expression (custom), else null
     * @param property the property name (property), else null
     * @param inlineXml inline element (inline), else null
     * @param inlineText inline text (inline), else null
     * @param key local entry key (inline), else null
     */
    public record Source(SourceType type, boolean copy, SynapseXPath xpath, String property, OMElement inlineXml,
            String inlineText, String key) {}

    /**
     * The target.
     *
     * @param type the target type
     * @param action what to do at the target
     * @param xpath the expression (custom), else null
     * @param property the property name (property), else null
     */
    public record Target(TargetType type, Action action, SynapseXPath xpath, String property) {}

    private final Source source;
    private final Target target;

    public EnrichMediator(Source source, Target target) {
        this.source = source;
        this.target = target;
    }

    public Source source() {
        return source;
    }

    public Target target() {
        return target;
    }

    @Override
    public boolean readsBody() {
        boolean s = switch (source.type()) {
            case CUSTOM -> source.xpath().readsBody();
            case ENVELOPE, BODY -> true;
            default -> false;
        };
        boolean t = switch (target.type()) {
            case CUSTOM -> target.xpath().readsBody();
            case BODY -> true;
            default -> false;
        };
        return s || t;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        List<OMNode> nodes = sourceNodes(ctx);
        if (nodes.isEmpty()) {
            return true;
        }
        switch (target.type()) {
            case CUSTOM -> insertAtCustom(ctx, nodes);
            case BODY -> insertAtBody(ctx, nodes);
            case ENVELOPE -> replaceEnvelope(ctx, nodes);
            default -> setProperty(ctx, nodes);
        }
        return true;
    }

    // ---- source ----

    private List<OMNode> sourceNodes(MessageContext ctx) {
        List<OMNode> nodes = new ArrayList<>();
        boolean copy = source.copy();
        switch (source.type()) {
            case CUSTOM -> nodes.addAll(XmlSupport.nodes(source.xpath().evaluate(ctx)));
            case ENVELOPE -> {
                nodes.add(ctx.payload().envelope());
                // Moving the live envelope into itself would make a cycle; only a property may reference it.
                copy |= target.type() != TargetType.PROPERTY;
            }
            case BODY -> {
                OMElement first = ctx.payload().firstElement();
                if (first != null) {
                    nodes.add(first);
                }
            }
            case PROPERTY -> nodes.addAll(propertyNodes(ctx));
            default -> {
                nodes.addAll(inlineNodes(ctx));
                copy = true; // inline content belongs to the configuration: never hand it out
            }
        }
        if (copy) {
            nodes.replaceAll(XmlSupport::copyOf);
        }
        return nodes;
    }

    private List<OMNode> propertyNodes(MessageContext ctx) {
        Object v = ctx.getProperty(source.property());
        if (v == null) {
            throw new MediationException("enrich: the source property '" + source.property() + "' is not set");
        }
        if (v instanceof OMNode n) {
            return List.of(n);
        }
        if (v instanceof List<?> list) {
            return XmlSupport.nodes(list);
        }
        String s = String.valueOf(v);
        OMElement xml = XmlSupport.parseIfXml(s);
        return List.of(xml != null ? xml : XmlSupport.factory().createOMText(s));
    }

    private List<OMNode> inlineNodes(MessageContext ctx) {
        if (source.key() == null) {
            return List.of(source.inlineXml() != null ? source.inlineXml()
                    : XmlSupport.factory().createOMText(source.inlineText() == null ? "" : source.inlineText()));
        }
        LocalEntry e = ctx.config().localEntry(source.key());
        if (e == null) {
            throw new MediationException("enrich: the local entry '" + source.key() + "' is not deployed");
        }
        return List.of(e.xml() != null ? e.xml() : XmlSupport.factory().createOMText(e.text()));
    }

    // ---- targets ----

    private void insertAtCustom(MessageContext ctx, List<OMNode> nodes) {
        List<Object> found = target.xpath().selectNodes(ctx);
        Object t = found.isEmpty() ? null : found.get(0);
        if (t instanceof SOAPEnvelope) {
            replaceEnvelope(ctx, nodes);
        } else if (t instanceof OMElement e) {
            insertAt(e, nodes);
        } else if (t instanceof OMText text && text.getParent() instanceof OMElement parent) {
            if (nodes.get(0) instanceof OMElement el) {
                XmlSupport.detachAll(nodes);
                text.insertSiblingAfter(el);
                text.detach();
            } else {
                parent.setText(XmlSupport.textOf(nodes));
            }
        } else if (t instanceof OMAttribute a) {
            a.setAttributeValue(XmlSupport.textOf(nodes));
        } else {
            throw new MediationException("enrich: the target xpath '" + target.xpath().expression()
                    + "' selects no element, text or attribute");
        }
    }

    private void insertAtBody(MessageContext ctx, List<OMNode> nodes) {
        OMElement first = ctx.payload().firstElement();
        if (first != null) {
            insertAt(first, nodes);
            return;
        }
        var body = ctx.payload().envelope().getBody();
        XmlSupport.detachAll(nodes);
        for (OMNode n : nodes) {
            body.addChild(n);
        }
    }

    private void insertAt(OMElement e, List<OMNode> nodes) {
        switch (target.action()) {
            case CHILD -> {
                XmlSupport.detachAll(nodes);
                for (OMNode n : nodes) {
                    e.addChild(n);
                }
            }
            case SIBLING -> {
                XmlSupport.detachAll(nodes);
                OMNode anchor = e;
                for (OMNode n : nodes) {
                    anchor.insertSiblingAfter(n);
                    anchor = n;
                }
            }
            default -> {
                if (XmlSupport.allText(nodes)) {
                    e.setText(XmlSupport.textOf(nodes));
                    return;
                }
                XmlSupport.detachAll(nodes);
                for (OMNode n : nodes) {
                    e.insertSiblingBefore(n);
                }
                e.detach();
            }
        }
    }

    private static void replaceEnvelope(MessageContext ctx, List<OMNode> nodes) {
        if (nodes.size() != 1 || !(nodes.get(0) instanceof OMElement el) || !XmlSupport.isEnvelope(el)) {
            throw new MediationException("enrich: only a SOAP envelope can replace the envelope");
        }
        if (el.getParent() != null) {
            el.detach();
        }
        ctx.payload().setEnvelope(XmlSupport.toEnvelope(el));
    }

    private void setProperty(MessageContext ctx, List<OMNode> nodes) {
        String name = target.property();
        switch (target.action()) {
            case CHILD -> {
                Object existing = ctx.getProperty(name);
                if (!(existing instanceof OMElement e)) {
                    throw new MediationException("enrich: property '" + name + "' holds no XML element to add children to");
                }
                OMElement copy = e.cloneOMElement();
                XmlSupport.detachAll(nodes);
                nodes.forEach(copy::addChild);
                ctx.setProperty(name, copy);
            }
            case SIBLING -> {
                List<OMNode> list = new ArrayList<>(XmlSupport.nodes(ctx.getProperty(name)));
                list.addAll(nodes);
                ctx.setProperty(name, List.copyOf(list));
            }
            default -> {
                if (nodes.size() == 1 && nodes.get(0) instanceof OMText t) {
                    ctx.setProperty(name, t.getText());
                } else if (nodes.size() == 1) {
                    ctx.setProperty(name, nodes.get(0));
                } else {
                    ctx.setProperty(name, List.copyOf(nodes));
                }
            }
        }
    }
}
