package io.ganglion.engine.mediator;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.Location;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.xml.LocatedXml;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import io.ganglion.engine.xpath.XPathSyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMNamespace;
import org.apache.axiom.om.OMNode;

/**
 * What readers need while turning one configuration file into model objects: element locations,
 * child mediators and endpoints, compiled XPath, and the references to check once every file is
 * loaded. Not thread-safe: one per file being read.
 */
public final class ReadContext {

    /** What kind of named artifact a key refers to. */
    public enum ReferenceKind {
        SEQUENCE("sequence"),
        ENDPOINT("endpoint"),
        LOCAL_ENTRY("local entry"),
        TEMPLATE("template"),
        /** A sequence, or else a local entry (xslt keys, script keys...). */
        ENTRY("entry");

        private final String label;

        ReferenceKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A key used somewhere, to be resolved once all artifacts are known. */
    public record Reference(ReferenceKind kind, String key, Location location) {}

    /** An endpoint read from this file (inline, a reference, or a group's child), with where it was written. */
    public record EndpointUse(Endpoint endpoint, Location location) {}

    /**
     * A check that needs the whole configuration, run once every file is loaded (a keyed script
     * compiles the local entry it names).
     */
    @FunctionalInterface
    public interface LinkCheck {
        /** @throws ConfigException when the artifact cannot work with {@code config} */
        void check(Configuration config);
    }

    private final LocatedXml document;
    private final MediatorRegistry mediators;
    private final EndpointRegistry endpoints;
    private final List<Reference> references = new ArrayList<>();
    private final List<EndpointUse> endpointUses = new ArrayList<>();
    private final List<LinkCheck> linkChecks = new ArrayList<>();

    public ReadContext(LocatedXml document, MediatorRegistry mediators, EndpointRegistry endpoints) {
        this.document = document;
        this.mediators = mediators;
        this.endpoints = endpoints;
    }

    /** A context for reading a snippet of XML text (tests, inline documents). */
    public static ReadContext forText(String file, String xml) {
        return new ReadContext(LocatedXml.parse(file, xml), MediatorRegistry.defaults(), EndpointRegistry.defaults());
    }

    /** The document being read. */
    public LocatedXml document() {
        return document;
    }

    /** The document's root element. */
    public OMElement root() {
        return document.root();
    }

    public Location location(OMElement element) {
        return document.locationOf(element);
    }

    /** A located configuration error to throw. */
    public ConfigException error(OMElement at, String message) {
        return new ConfigException(location(at), message);
    }

    // ---- attributes ----

    /** An attribute value, or null when absent. */
    public String attribute(OMElement el, String name) {
        return el.getAttributeValue(new QName(name));
    }

    /** An attribute that must be present and non-blank. */
    public String requiredAttribute(OMElement el, String name) {
        String v = attribute(el, name);
        if (v == null || v.isBlank()) {
            throw error(el, "<" + el.getLocalName() + "> needs the attribute '" + name + "'");
        }
        return v;
    }

    /** A boolean attribute ("true"/"false"), or the default when absent. */
    public boolean booleanAttribute(OMElement el, String name, boolean defaultValue) {
        String v = attribute(el, name);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw error(el, "attribute '" + name + "' must be true or false, not '" + v + "'");
    }

    /** A long attribute, or the default when absent. */
    public long longAttribute(OMElement el, String name, long defaultValue) {
        String v = attribute(el, name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw error(el, "attribute '" + name + "' must be a number, not '" + v + "'");
        }
    }

    // ---- children ----

    /** True when {@code el} is in the Synapse namespace (or in none, which we accept as well). */
    public static boolean isSynapse(OMElement el) {
        OMNamespace ns = el.getNamespace();
        return ns == null || ns.getNamespaceURI().isEmpty() || SynapseNs.URI.equals(ns.getNamespaceURI());
    }

    /** The child elements of {@code parent}, in order. */
    public static List<OMElement> children(OMElement parent) {
        List<OMElement> list = new ArrayList<>();
        for (Iterator<OMElement> it = parent.getChildElements(); it.hasNext();) {
            list.add(it.next());
        }
        return list;
    }

    /** The first Synapse child element named {@code localName}, or null. */
    public static OMElement child(OMElement parent, String localName) {
        for (Iterator<OMElement> it = parent.getChildElements(); it.hasNext();) {
            OMElement c = it.next();
            if (c.getLocalName().equals(localName) && isSynapse(c)) {
                return c;
            }
        }
        return null;
    }

    /** Every Synapse child element named {@code localName}. */
    public static List<OMElement> childrenNamed(OMElement parent, String localName) {
        List<OMElement> list = new ArrayList<>();
        for (Iterator<OMElement> it = parent.getChildElements(); it.hasNext();) {
            OMElement c = it.next();
            if (c.getLocalName().equals(localName) && isSynapse(c)) {
                list.add(c);
            }
        }
        return list;
    }

    /** The first child element whatever its namespace (inline XML content), or null. */
    public static OMElement firstChildElement(OMElement parent) {
        return parent.getFirstElement();
    }

    // ---- mediators ----

    /** Reads every child element of {@code parent} as a mediator ({@code description} is skipped). */
    public List<Mediator> mediators(OMElement parent) {
        List<Mediator> list = new ArrayList<>();
        for (OMElement c : children(parent)) {
            if (c.getLocalName().equals("description") && isSynapse(c)) {
                continue;
            }
            list.add(mediator(c));
        }
        return list;
    }

    /** Reads one mediator element. */
    public Mediator mediator(OMElement el) {
        if (!isSynapse(el)) {
            throw error(el, "<" + el.getQName().getLocalPart() + "> in namespace '"
                    + el.getNamespace().getNamespaceURI() + "' is not a mediator; mediators are in " + SynapseNs.URI);
        }
        MediatorXml<?> xml = mediators.forElement(SynapseNs.q(el.getLocalName()));
        if (xml == null) {
            throw error(el, "unknown mediator <" + el.getLocalName() + ">");
        }
        return xml.read(el, this);
    }

    /** Reads the children of {@code parent} as an anonymous sequence. */
    public Sequence sequenceOf(OMElement parent) {
        return Sequence.anonymous(mediators(parent));
    }

    /**
     * A sequence given either inline (child element {@code childName}) or by key (attribute
     * {@code attrName} on {@code owner}); null when neither is present.
     */
    public Mediator inlineOrKeyedSequence(OMElement owner, String attrName, String childName) {
        String key = attribute(owner, attrName);
        OMElement inline = child(owner, childName);
        if (key != null && inline != null) {
            throw error(inline, "<" + childName + "> is given both inline and as attribute '" + attrName + "'");
        }
        if (key != null) {
            return sequenceReference(key, owner);
        }
        return inline == null ? null : sequenceOf(inline);
    }

    /** A run-time reference to a named sequence, recorded for validation. */
    public SequenceReference sequenceReference(String key, OMElement at) {
        reference(ReferenceKind.SEQUENCE, key, at);
        return new SequenceReference(key, location(at));
    }

    // ---- endpoints ----

    /** Reads an {@code <endpoint>} element (inline definition or {@code key} reference). */
    public Endpoint endpoint(OMElement endpointElement) {
        Endpoint e = endpoints.read(endpointElement, this);
        endpointUses.add(new EndpointUse(e, location(endpointElement)));
        return e;
    }

    /** Every endpoint read from this file so far, in reading order (children before their group). */
    public List<EndpointUse> endpointUses() {
        return endpointUses;
    }

    // ---- xpath ----

    /** Compiles the expression written on {@code el}, with the namespaces in scope there. */
    public SynapseXPath xpath(OMElement el, String expression) {
        try {
            return SynapseXPath.compile(expression, namespacesInScope(el));
        } catch (XPathSyntaxException e) {
            throw new ConfigException(location(el), e.getMessage(), e);
        }
    }

    /** The namespace prefixes declared on {@code el} and its ancestors (nearest wins). */
    public static Map<String, String> namespacesInScope(OMElement el) {
        Map<String, String> map = new LinkedHashMap<>();
        Object node = el;
        while (node instanceof OMElement e) {
            for (Iterator<OMNamespace> it = e.getAllDeclaredNamespaces(); it.hasNext();) {
                OMNamespace ns = it.next();
                if (ns.getPrefix() != null && !ns.getPrefix().isEmpty()) {
                    map.putIfAbsent(ns.getPrefix(), ns.getNamespaceURI());
                }
            }
            node = e.getParent();
        }
        return map;
    }

    // ---- references ----

    /** Records a key to be checked against the whole configuration after loading. */
    public void reference(ReferenceKind kind, String key, OMElement at) {
        references.add(new Reference(kind, key, location(at)));
    }

    /** Every reference recorded while reading this file. */
    public List<Reference> references() {
        return references;
    }

    /** Registers a check to run against the finished configuration. */
    public void linkCheck(LinkCheck check) {
        linkChecks.add(check);
    }

    /** Every link check registered while reading this file. */
    public List<LinkCheck> linkChecks() {
        return linkChecks;
    }

    /** The text content of an element, trimmed. */
    public static String text(OMNode node) {
        return node instanceof OMElement e ? e.getText().trim() : "";
    }
}
