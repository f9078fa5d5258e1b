package io.ganglion.engine.mediator;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.List;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;
import org.apache.axiom.om.OMNamespace;

/** What writers need to turn model objects back into Synapse XML. Thread-safe: stateless. */
public final class WriteContext {

    private final OMFactory factory = OMAbstractFactory.getOMFactory();
    private final OMNamespace ns = factory.createOMNamespace(SynapseNs.URI, "");
    private final MediatorRegistry mediators;
    private final EndpointRegistry endpoints;

    public WriteContext(MediatorRegistry mediators, EndpointRegistry endpoints) {
        this.mediators = mediators;
        this.endpoints = endpoints;
    }

    /** The default writer. */
    public static WriteContext defaults() {
        return new WriteContext(MediatorRegistry.defaults(), EndpointRegistry.defaults());
    }

    public OMFactory factory() {
        return factory;
    }

    /** A new element in the Synapse namespace. */
    public OMElement element(String localName) {
        return factory.createOMElement(localName, ns);
    }

    /** A new element in the Synapse namespace, appended to {@code parent}. */
    public OMElement element(String localName, OMElement parent) {
        return factory.createOMElement(localName, ns, parent);
    }

    /** Sets an attribute when the value is not null. */
    public void attribute(OMElement el, String name, Object value) {
        if (value != null) {
            el.addAttribute(name, String.valueOf(value), null);
        }
    }

    /** Writes an XPath attribute and declares the namespaces it was compiled with. */
    public void xpathAttribute(OMElement el, String name, SynapseXPath xpath) {
        if (xpath == null) {
            return;
        }
        for (var e : xpath.namespaces().entrySet()) {
            if (el.findNamespaceURI(e.getKey()) == null) {
                el.declareNamespace(e.getValue(), e.getKey());
            }
        }
        el.addAttribute(name, xpath.expression(), null);
    }

    /** Writes one mediator. */
    public OMElement mediator(Mediator m) {
        MediatorXml<Mediator> xml = mediators.forMediator(m);
        if (xml == null) {
            throw new IllegalArgumentException("no XML writer for " + m.getClass().getName());
        }
        return xml.write(m, this);
    }

    /** Appends each mediator as a child of {@code parent}. */
    public void mediators(OMElement parent, List<? extends Mediator> list) {
        for (Mediator m : list) {
            parent.addChild(mediator(m));
        }
    }

    /** Writes an endpoint as an {@code <endpoint>} element. */
    public OMElement endpoint(Endpoint e) {
        return endpoints.write(e, this);
    }
}
