package io.ganglion.engine.mediator;

import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes one mediator's XML element. One instance per mediator type, registered in
 * {@link MediatorRegistry}. Thread-safe: stateless.
 *
 * @param <T> the mediator type
 */
public interface MediatorXml<T extends Mediator> {

    /** The element this type reads, in the Synapse namespace. */
    QName element();

    /** The mediator class this type writes. */
    Class<T> type();

    /**
     * Reads the element into an immutable mediator.
     *
     * @throws io.ganglion.engine.config.ConfigException for any invalid content, located at the
     *     offending element
     */
    T read(OMElement element, ReadContext ctx);

    /** Writes the mediator back as an element equivalent to the one read. */
    OMElement write(T mediator, WriteContext ctx);
}
