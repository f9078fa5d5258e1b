package io.ganglion.engine.message.format;

import java.util.Iterator;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMAttribute;
import org.apache.axiom.om.OMCloneOptions;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;
import org.apache.axiom.om.OMNamespace;
import org.apache.axiom.om.OMNode;
import org.apache.axiom.soap.SOAPEnvelope;

/**
 * Rewrites a SOAP 1.1 envelope as SOAP 1.2 or the reverse, for writing only: header blocks
 * (with mustUnderstand, actor/role converted) and body children are copied, and a fault is
 * mapped field by field (Client/Sender, Server/Receiver, faultstring/Reason, faultactor/Role,
 * detail/Detail). The result is a plain element tree; the message's own envelope is left as it
 * is. Thread-safe: stateless.
 */
final class SoapConverter {

    private static final String NEXT11 = "http://schemas.xmlsoap.org/soap/actor/next";
    private static final String NEXT12 = "http://www.w3.org/2003/05/soap-envelope/role/next";

    private final OMFactory f = OMAbstractFactory.getOMFactory();
    private final String from;
    private final boolean to12;
    private final OMNamespace env;

    private SoapConverter(String from, boolean to12, String prefix) {
        this.from = from;
        this.to12 = to12;
        this.env = f.createOMNamespace(to12 ? MessageBuilder.SOAP12_NS : MessageBuilder.SOAP11_NS, prefix);
    }

    /** True when {@code envelope} is SOAP 1.2. */
    static boolean isSoap12(SOAPEnvelope envelope) {
        return MessageBuilder.SOAP12_NS.equals(envelope.getNamespaceURI());
    }

    /** {@code envelope} in the other SOAP version. */
    static OMElement convert(SOAPEnvelope envelope, boolean to12) {
        String prefix = envelope.getPrefix() == null || envelope.getPrefix().isEmpty() ? "soapenv" : envelope.getPrefix();
        return new SoapConverter(envelope.getNamespaceURI(), to12, prefix).envelope(envelope);
    }

    private OMElement envelope(SOAPEnvelope source) {
        OMElement out = f.createOMElement("Envelope", env);
        out.declareNamespace(env);
        for (Iterator<OMNamespace> it = source.getAllDeclaredNamespaces(); it.hasNext();) {
            OMNamespace ns = it.next();
            if (!from.equals(ns.getNamespaceURI()) && !ns.getPrefix().equals(env.getPrefix())) {
                out.declareNamespace(ns);
            }
        }
        OMElement header = source.getHeader();
        if (header != null && header.getFirstElement() != null) {
            OMElement h = f.createOMElement("Header", env, out);
            for (Iterator<OMElement> it = header.getChildElements(); it.hasNext();) {
                h.addChild(headerBlock(it.next()));
            }
        }
        OMElement body = f.createOMElement("Body", env, out);
        OMElement sourceBody = source.getBody();
        if (sourceBody != null) {
            for (OMNode n = sourceBody.getFirstOMChild(); n != null; n = n.getNextOMSibling()) {
                if (n instanceof OMElement el && "Fault".equals(el.getLocalName()) && from.equals(el.getNamespaceURI())) {
                    body.addChild(fault(el));
                } else {
                    body.addChild(copy(n));
                }
            }
        }
        return out;
    }

    private OMElement headerBlock(OMElement block) {
        OMElement copy = (OMElement) copy(block);
        for (Iterator<OMAttribute> it = block.getAllAttributes(); it.hasNext();) {
            OMAttribute a = it.next();
            if (!from.equals(a.getNamespaceURI())) {
                continue;
            }
            copy.removeAttribute(copy.getAttribute(a.getQName()));
            String v = a.getAttributeValue().trim();
            switch (a.getLocalName()) {
                case "mustUnderstand": {
                    boolean yes = v.equals("1") || v.equals("true");
                    copy.addAttribute("mustUnderstand", to12 ? String.valueOf(yes) : yes ? "1" : "0", env);
                    break;
                }
                case "actor":
                case "role":
                    copy.addAttribute(to12 ? "role" : "actor", mapRole(v), env);
                    break;
                case "encodingStyle":
                    copy.addAttribute("encodingStyle", v, env);
                    break;
                default:
                    // relay has no SOAP 1.1 counterpart
                    break;
            }
        }
        return copy;
    }

    private String mapRole(String role) {
        if (role.equals(NEXT11) || role.equals(NEXT12)) {
            return to12 ? NEXT12 : NEXT11;
        }
        return role;
    }

    private OMElement fault(OMElement source) {
        boolean from12 = MessageBuilder.SOAP12_NS.equals(from);
        String code = localCode(from12 ? path(source, "Code", "Value") : child(source, "faultcode"));
        String reason = text(from12 ? path(source, "Reason", "Text") : child(source, "faultstring"));
        String role = text(from12 ? child(source, "Role") : child(source, "faultactor"));
        OMElement detail = from12 ? child(source, "Detail") : child(source, "detail");

        OMElement fault = f.createOMElement("Fault", env);
        if (to12) {
            OMElement value = f.createOMElement("Value", env, f.createOMElement("Code", env, fault));
            value.setText(env.getPrefix() + ":" + code12(code));
            OMElement text = f.createOMElement("Text", env, f.createOMElement("Reason", env, fault));
            text.addAttribute("lang", "en", f.createOMNamespace("http://www.w3.org/XML/1998/namespace", "xml"));
            text.setText(reason);
            if (!role.isEmpty()) {
                f.createOMElement("Role", env, fault).setText(role);
            }
            if (detail != null) {
                moveChildren(detail, f.createOMElement("Detail", env, fault));
            }
        } else {
            f.createOMElement("faultcode", null, fault).setText(env.getPrefix() + ":" + code11(code));
            f.createOMElement("faultstring", null, fault).setText(reason);
            if (!role.isEmpty()) {
                f.createOMElement("faultactor", null, fault).setText(role);
            }
            if (detail != null) {
                moveChildren(detail, f.createOMElement("detail", null, fault));
            }
        }
        return fault;
    }

    private static String code12(String code11) {
        if (code11.startsWith("Client")) {
            return "Sender";
        }
        if (code11.startsWith("MustUnderstand") || code11.startsWith("VersionMismatch")) {
            return code11.startsWith("Must") ? "MustUnderstand" : "VersionMismatch";
        }
        return "Receiver";
    }

    private static String code11(String code12) {
        switch (code12) {
            case "Sender":
                return "Client";
            case "MustUnderstand":
            case "VersionMismatch":
                return code12;
            default:
                return "Server";
        }
    }

    private void moveChildren(OMElement from, OMElement to) {
        for (OMNode n = from.getFirstOMChild(); n != null; n = n.getNextOMSibling()) {
            to.addChild(copy(n));
        }
    }

    private static OMNode copy(OMNode n) {
        return (OMNode) n.clone(new OMCloneOptions());
    }

    private static OMElement child(OMElement parent, String localName) {
        for (Iterator<OMElement> it = parent.getChildElements(); it.hasNext();) {
            OMElement c = it.next();
            if (c.getLocalName().equals(localName)) {
                return c;
            }
        }
        return null;
    }

    private static OMElement path(OMElement parent, String first, String second) {
        OMElement c = child(parent, first);
        return c == null ? null : child(c, second);
    }

    /** The local part of a fault code ("soapenv:Client.Auth" gives "Client.Auth"). */
    private static String localCode(OMElement el) {
        String t = el == null ? "" : el.getText().trim();
        return t.substring(t.indexOf(':') + 1);
    }

    private static String text(OMElement el) {
        return el == null ? "" : el.getText();
    }
}
