package io.ganglion.engine.endpoint.wsdl;

import io.ganglion.engine.endpoint.definition.Format;
import java.util.Iterator;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/**
 * Finds a service port's address in a WSDL document: WSDL 1.1 ({@code definitions/service/port}
 * with a SOAP 1.1, SOAP 1.2 or HTTP address) or WSDL 2.0 ({@code description/service/endpoint}),
 * with the SOAP version the binding implies. Thread-safe: stateless.
 */
public final class WsdlDocument {

    static final String WSDL11 = "http://schemas.xmlsoap.org/wsdl/";
    static final String WSDL20 = "http://www.w3.org/ns/wsdl";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    private static final String SOAP12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static final String HTTP = "http://schemas.xmlsoap.org/wsdl/http/";
    private static final String WSDL20_SOAP = "http://www.w3.org/ns/wsdl/soap";

    /**
     * A port's address.
     *
     * @param location the address URL
     * @param format the format the binding implies (soap11 or soap12), or null (HTTP binding)
     */
    public record Address(String location, Format format) {}

    private WsdlDocument() {}

    /** True when {@code el} is a WSDL 1.1 {@code definitions} or WSDL 2.0 {@code description}. */
    public static boolean isWsdl(OMElement el) {
        String ns = el.getNamespace() == null ? "" : el.getNamespace().getNamespaceURI();
        return (ns.equals(WSDL11) && el.getLocalName().equals("definitions"))
                || (ns.equals(WSDL20) && el.getLocalName().equals("description"));
    }

    /**
     * The address of {@code port} in {@code service}.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public static Address find(OMElement root, String service, String port) {
        if (!isWsdl(root)) {
            throw new IllegalArgumentException("the document is not a WSDL: its root is <" + root.getLocalName()
                    + "> in '" + (root.getNamespace() == null ? "" : root.getNamespace().getNamespaceURI()) + "'");
        }
        String ns = root.getNamespace().getNamespaceURI();
        OMElement svc = named(root, ns, "service", local(service));
        if (svc == null) {
            throw new IllegalArgumentException("the WSDL has no service '" + service + "'");
        }
        if (ns.equals(WSDL11)) {
            OMElement p = named(svc, WSDL11, "port", local(port));
            if (p == null) {
                throw new IllegalArgumentException("service '" + service + "' of the WSDL has no port '" + port + "'");
            }
            for (Iterator<OMElement> it = p.getChildElements(); it.hasNext();) {
                OMElement a = it.next();
                String ans = a.getNamespace() == null ? "" : a.getNamespace().getNamespaceURI();
                if (a.getLocalName().equals("address") && a.getAttributeValue(new QName("location")) != null) {
                    String location = a.getAttributeValue(new QName("location")).trim();
                    switch (ans) {
                        case SOAP11:
                            return new Address(location, Format.SOAP11);
                        case SOAP12:
                            return new Address(location, Format.SOAP12);
                        case HTTP:
                            return new Address(location, null);
                        default:
                    }
                }
            }
            throw new IllegalArgumentException("port '" + port + "' of service '" + service
                    + "' has no SOAP 1.1, SOAP 1.2 or HTTP address");
        }
        OMElement ep = named(svc, WSDL20, "endpoint", local(port));
        if (ep == null) {
            throw new IllegalArgumentException("service '" + service + "' of the WSDL has no endpoint '" + port + "'");
        }
        String address = ep.getAttributeValue(new QName("address"));
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("endpoint '" + port + "' of service '" + service + "' has no address");
        }
        return new Address(address.trim(), wsdl20Format(root, ep));
    }

    private static Format wsdl20Format(OMElement root, OMElement endpoint) {
        String bindingRef = endpoint.getAttributeValue(new QName("binding"));
        OMElement binding = bindingRef == null ? null : named(root, WSDL20, "binding", local(bindingRef));
        if (binding == null || !WSDL20_SOAP.equals(binding.getAttributeValue(new QName("type")))) {
            return null;
        }
        String version = binding.getAttributeValue(new QName(WSDL20_SOAP, "version"));
        return "1.1".equals(version) ? Format.SOAP11 : Format.SOAP12;
    }

    private static OMElement named(OMElement parent, String ns, String localName, String name) {
        for (Iterator<OMElement> it = parent.getChildElements(); it.hasNext();) {
            OMElement c = it.next();
            String cns = c.getNamespace() == null ? "" : c.getNamespace().getNamespaceURI();
            if (cns.equals(ns) && c.getLocalName().equals(localName)
                    && name.equals(c.getAttributeValue(new QName("name")))) {
                return c;
            }
        }
        return null;
    }

    /** {@code prefix:name} and {@code {ns}name} name the local part. */
    private static String local(String qname) {
        String s = qname.trim();
        int brace = s.lastIndexOf('}');
        if (brace >= 0) {
            return s.substring(brace + 1);
        }
        int colon = s.lastIndexOf(':');
        return colon >= 0 ? s.substring(colon + 1) : s;
    }
}
