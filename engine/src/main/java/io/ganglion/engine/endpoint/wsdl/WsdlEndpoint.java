package io.ganglion.engine.endpoint.wsdl;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.definition.Format;
import io.ganglion.engine.endpoint.health.HealthCheck;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.leaf.LeafEndpoint;
import io.ganglion.engine.endpoint.request.RestPostfix;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import java.net.URI;
import org.apache.axiom.om.OMElement;

/**
 * An endpoint whose address comes from a WSDL: the {@code soap:address}, {@code soap12:address} or
 * {@code http:address} of {@code port} in {@code service} (WSDL 2.0: the endpoint's address), read
 * once when the configuration loads. The binding's SOAP version is the format unless {@code format}
 * says otherwise. A WSDL that cannot be read, or lacks the port, is a deploy error. Otherwise it
 * behaves as an address endpoint; when not ready it refuses messages with 303002.
 *
 * <pre>{@code
 * <endpoint [name="n"]>
 *   <wsdl (uri="path | file:... | http://localhost/...?wsdl") service="S" (port|endpoint)="P" ...QoS...>
 *     <wsdl:definitions .../> | <wsdl2:description .../>   (inline, instead of uri)
 *   </wsdl>
 * </endpoint>
 * }</pre>
 * Thread-safe: configuration is immutable; health state is thread-safe.
 */
public final class WsdlEndpoint extends LeafEndpoint {

    private final String uri;
    private final OMElement inline;
    private final String service;
    private final String port;
    private final String portAttribute;
    private final String address;
    private final EndpointDefinition definition;
    private final EndpointDefinition effective;

    /**
     * @param uri the {@code uri} attribute, or null when the WSDL is inline
     * @param inline the inline WSDL element, or null
     * @param portAttribute "port" or "endpoint": how the port was given
     * @param address the address read from the WSDL
     * @param impliedFormat the format the binding implies, or null
     */
    public WsdlEndpoint(EndpointWrapper wrapper, String uri, OMElement inline, String service, String port,
            String portAttribute, String address, Format impliedFormat, EndpointDefinition definition,
            HealthCheck check) {
        super(wrapper, new Leaf("wsdl", describe(wrapper, service, port), effective(definition, impliedFormat),
                ErrorCode.WSDL_ENDPOINT_NOT_READY.code(), null, check, false), effective(definition, impliedFormat));
        this.uri = uri;
        this.inline = inline;
        this.service = service;
        this.port = port;
        this.portAttribute = portAttribute;
        this.address = address;
        this.definition = definition;
        this.effective = effective(definition, impliedFormat);
    }

    /** The configured definition, with the binding's SOAP version as format when none was configured. */
    private static EndpointDefinition effective(EndpointDefinition definition, Format impliedFormat) {
        return definition.format() != null || impliedFormat == null ? definition
                : new EndpointDefinition(impliedFormat, definition.optimize(), definition.encoding(),
                        definition.statistics(), definition.trace(), definition.addressing(), definition.security(),
                        definition.timeout(), definition.markForSuspension(), definition.suspendOnFailure(),
                        definition.suspendDurationOnFailureSeconds(), definition.retryConfig());
    }

    /** The {@code uri} attribute, or null. */
    public String uri() {
        return uri;
    }

    /** The inline WSDL, or null. */
    public OMElement inline() {
        return inline;
    }

    public String service() {
        return service;
    }

    public String port() {
        return port;
    }

    public String portAttribute() {
        return portAttribute;
    }

    /** The address the WSDL gives. */
    public String address() {
        return address;
    }

    /** The definition as configured (without the format the WSDL implies). */
    public EndpointDefinition definition() {
        return definition;
    }

    /** The format messages are sent in: the configured one, else the binding's SOAP version. */
    public Format effectiveFormat() {
        return effective.format();
    }

    @Override
    public URI target(MessageContext ctx) {
        return TargetUri.parse(RestPostfix.apply(ctx, address, effective.format()), describe(wrapper(), service, port));
    }

    private static String describe(EndpointWrapper wrapper, String service, String port) {
        return wrapper.name() == null ? "wsdl endpoint " + service + "/" + port
                : "wsdl endpoint '" + wrapper.name() + "'";
    }

    @Override
    public String toString() {
        return describe(wrapper(), service, port) + " " + address;
    }
}
