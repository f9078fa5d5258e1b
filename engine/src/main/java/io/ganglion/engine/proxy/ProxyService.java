package io.ganglion.engine.proxy;

import io.ganglion.engine.config.Location;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.runtime.MediationFlow;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.axiom.om.OMElement;

/**
 * A proxy service served at {@code /services/{name}}: {@code <proxy name [transports] [startOnLoad]>
 * <target [inSequence] [outSequence] [faultSequence] [endpoint]>...</target> [<publishWSDL>]
 * [<parameter>|<policy>|<enableAddressing>|<enableSec>]*</proxy>}. Thread-safe: immutable (the kept
 * elements are only read, to write the proxy back).
 *
 * @param name the service name
 * @param transports transports it is exposed on (http, https), in declaration order
 * @param inSequence request sequence, or null
 * @param outSequence response sequence, or null
 * @param faultSequence fault sequence, or null
 * @param endpoint target endpoint, or null
 * @param publishWsdl where the published WSDL comes from and its text, or null
 * @param startOnLoad false when the proxy is deployed stopped
 * @param attributes other attributes kept for writing back (trace, statistics, pinnedServers, serviceGroup)
 * @param extras accepted elements kept as written ({@code parameter}, {@code policy},
 *     {@code enableAddressing}, {@code enableSec}, {@code enableRM}, {@code description}); callers must
 *     not change them
 * @param location where it was defined, or null
 */
public record ProxyService(String name, Set<String> transports, Mediator inSequence, Mediator outSequence,
        Mediator faultSequence, Endpoint endpoint, PublishWsdl publishWsdl, boolean startOnLoad,
        List<Attribute> attributes, List<OMElement> extras, Location location) implements MediationFlow {

    /** An attribute kept only to be written back. */
    public record Attribute(String name, String value) {}

    /**
     * The source of a published WSDL: a {@code uri}, a local entry {@code key} or an inline
     * document, and the document's text once resolved.
     */
    public record PublishWsdl(String uri, String key, OMElement inline, String text) {
        public PublishWsdl withText(String newText) {
            return new PublishWsdl(uri, key, inline, newText);
        }
    }

    public ProxyService {
        transports = Collections.unmodifiableSet(new LinkedHashSet<>(transports));
        attributes = List.copyOf(attributes);
        extras = List.copyOf(extras);
    }

    /** A started proxy with only a target and an optional WSDL text (tests, programmatic use). */
    public ProxyService(String name, Set<String> transports, Mediator inSequence, Mediator outSequence,
            Mediator faultSequence, Endpoint endpoint, String wsdl, Location location) {
        this(name, transports, inSequence, outSequence, faultSequence, endpoint,
                wsdl == null ? null : new PublishWsdl(null, null, null, wsdl), true, List.of(), List.of(), location);
    }

    /** The published WSDL document text, or null. */
    public String wsdl() {
        return publishWsdl == null ? null : publishWsdl.text();
    }

    /** A copy with a different published WSDL. */
    public ProxyService withPublishWsdl(PublishWsdl wsdl) {
        return new ProxyService(name, transports, inSequence, outSequence, faultSequence, endpoint, wsdl, startOnLoad,
                attributes, extras, location);
    }

    /** A copy with a different target endpoint. */
    public ProxyService withEndpoint(Endpoint target) {
        return new ProxyService(name, transports, inSequence, outSequence, faultSequence, target, publishWsdl,
                startOnLoad, attributes, extras, location);
    }

    @Override
    public String flowName() {
        return "proxy:" + name;
    }
}
