package io.ganglion.engine.endpoint;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes one endpoint type (the element inside {@code <endpoint>}: address, http,
 * default, wsdl, failover, loadbalance...). Thread-safe: stateless.
 *
 * @param <T> the endpoint type
 */
public interface EndpointXml<T extends Endpoint> {

    /** The type element, in the Synapse namespace. */
    QName element();

    /** The endpoint class this type writes. */
    Class<T> type();

    /**
     * Reads an endpoint.
     *
     * @param wrapper the {@code <endpoint>} element (name, properties)
     * @param typeElement its type child (e.g. {@code <address>})
     */
    T read(OMElement wrapper, OMElement typeElement, ReadContext ctx);

    /** Writes the endpoint back as a whole {@code <endpoint>} element. */
    OMElement write(T endpoint, WriteContext ctx);
}
