package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPEnvelope;
import org.apache.axiom.soap.SOAPFactory;
import org.apache.axiom.soap.SOAPFault;
import org.apache.axiom.soap.SOAPFaultDetail;
import org.apache.axiom.soap.SOAPFaultReason;
import org.apache.axiom.soap.SOAPFaultText;

/**
 * Replaces the message with a SOAP 1.1, SOAP 1.2 or POX fault. It sends nothing: follow it with
 * {@code <send/>} or {@code <respond/>}.
 *
 * <pre>{@code
 * <makefault [version="soap11|soap12|pox"] [response="true|false"]>
 *   <code (value="soap11Env:Client" | expression="xpath")/>
 *   <reason (value="text" | expression="xpath")/>
 *   <node>uri</node>?
 *   <role>uri</role>?
 *   <detail [expression="xpath"]>text or xml</detail>?
 * </makefault>
 * }</pre>
 *
 * <p>Code prefixes resolve against the namespaces in scope; {@code soap11Env} and {@code soap12Env}
 * are bound to the envelope namespaces when not declared. Without {@code version} the fault takes
 * the message's SOAP version. POX faults are {@code <Exception>} holding the detail, else the
 * reason. Thread-safe: immutable.
 */
public final class MakeFaultMediator implements Mediator {

    /** The fault format. */
    public enum Version {
        SOAP11("soap11", "text/xml"), SOAP12("soap12", "application/soap+xml"), POX("pox", "application/xml");

        private final String xmlName;
        private final String messageType;

        Version(String xmlName, String messageType) {
            this.xmlName = xmlName;
            this.messageType = messageType;
        }

        public String xmlName() {
            return xmlName;
        }

        /** Parses the attribute; null for an unknown value. */
        public static Version fromXml(String s) {
            for (Version v : values()) {
                if (v.xmlName.equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return v;
                }
            }
            return null;
        }
    }

    /** Prefixes Synapse binds to the SOAP envelope namespaces for fault codes. */
    public static final Map<String, String> DEFAULT_PREFIXES =
            Map.of("soap11Env", XmlSupport.SOAP11_NS, "soap12Env", XmlSupport.SOAP12_NS);

    /**
     * A literal text or an expression.
     *
     * @param text the literal, or null
     * @param expression the expression, or null
     */
    public record Text(String text, SynapseXPath expression) {
        String valueFor(MessageContext ctx) {
            return expression != null ? expression.stringValueOf(ctx) : text;
        }

        boolean readsBody() {
            return expression != null && expression.readsBody();
        }
    }

    /**
     * The fault's parts.
     *
     * @param code the code: a QName, or null when {@code codeExpression} gives it
     * @param codeExpression an expression giving {@code prefix:local}, or null
     * @param reason the reason
     * @param node the node URI, or null
     * @param role the role URI, or null
     * @param detail the detail text or expression, or null
     * @param detailXml inline detail elements (may be empty)
     */
    public record Fault(QName code, SynapseXPath codeExpression, Text reason, String node, String role, Text detail,
            List<OMElement> detailXml) {
        public Fault {
            detailXml = List.copyOf(detailXml);
        }
    }

    private final Version version;
    private final boolean response;
    private final Fault fault;

    /** @param version the fault format, or null to follow the message's SOAP version */
    public MakeFaultMediator(Version version, boolean response, Fault fault) {
        this.version = version;
        this.response = response;
        this.fault = fault;
    }

    public Version version() {
        return version;
    }

    public boolean response() {
        return response;
    }

    public Fault fault() {
        return fault;
    }

    @Override
    public boolean readsBody() {
        return (fault.codeExpression() != null && fault.codeExpression().readsBody()) || fault.reason().readsBody()
                || (fault.detail() != null && fault.detail().readsBody());
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        // Evaluate everything before the envelope is replaced: expressions read the original message.
        String reason = fault.reason().valueFor(ctx);
        String detail = fault.detail() == null ? null : fault.detail().valueFor(ctx);
        QName code = fault.code() != null ? fault.code() : codeFrom(fault.codeExpression().stringValueOf(ctx));
        Version v = version != null ? version : versionOf(ctx);
        SOAPEnvelope env = v == Version.POX ? poxFault(reason, detail) : soapFault(v, code, reason, detail);
        ctx.payload().setEnvelope(env);
        if (version != null) {
            ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, v.messageType);
            ctx.setAxis2Property(StandardProperties.CONTENT_TYPE, v.messageType);
        }
        if (response) {
            markAsResponse(ctx);
        }
        ctx.setFaultResponse(true);
        if (!isErrorStatus(ctx.getAxis2Property(StandardProperties.HTTP_SC))) {
            ctx.setAxis2Property(StandardProperties.HTTP_SC, 500);
        }
        return true;
    }

    private static Version versionOf(MessageContext ctx) {
        SOAPFactory f = XmlSupport.soapFactoryFor(ctx);
        return f.getSOAPVersion() == org.apache.axiom.soap.SOAPVersion.SOAP12 ? Version.SOAP12 : Version.SOAP11;
    }

    private QName codeFrom(String value) {
        String v = value.trim();
        int colon = v.indexOf(':');
        if (colon <= 0) {
            throw new MediationException("makefault: the code '" + value + "' is not a prefixed QName");
        }
        String prefix = v.substring(0, colon);
        String ns = fault.codeExpression().namespaces().get(prefix);
        if (ns == null) {
            ns = DEFAULT_PREFIXES.get(prefix);
        }
        if (ns == null) {
            throw new MediationException("makefault: the code prefix '" + prefix + "' is not bound to a namespace");
        }
        return new QName(ns, v.substring(colon + 1), prefix);
    }

    private SOAPEnvelope soapFault(Version v, QName code, String reason, String detail) {
        SOAPFactory f = v == Version.SOAP12 ? OMAbstractFactory.getSOAP12Factory() : OMAbstractFactory.getSOAP11Factory();
        SOAPEnvelope env = f.getDefaultEnvelope();
        SOAPFault soapFault = f.createSOAPFault(env.getBody());
        f.createSOAPFaultCode(soapFault).setValue(code);
        SOAPFaultReason r = f.createSOAPFaultReason(soapFault);
        if (v == Version.SOAP12) {
            SOAPFaultText t = f.createSOAPFaultText(r);
            t.setLang("en");
            t.setText(reason);
        } else {
            r.setText(reason);
        }
        if (fault.node() != null && v == Version.SOAP12) {
            f.createSOAPFaultNode(soapFault).setFaultNodeValue(fault.node());
        }
        if (fault.role() != null) {
            f.createSOAPFaultRole(soapFault).setRoleValue(fault.role());
        }
        if (detail != null || !fault.detailXml().isEmpty()) {
            SOAPFaultDetail d = f.createSOAPFaultDetail(soapFault);
            if (detail != null) {
                d.setText(detail);
            }
            for (OMElement e : fault.detailXml()) {
                d.addDetailEntry(e.cloneOMElement());
            }
        }
        return env;
    }

    private SOAPEnvelope poxFault(String reason, String detail) {
        SOAPEnvelope env = OMAbstractFactory.getSOAP11Factory().getDefaultEnvelope();
        OMElement ex = XmlSupport.factory().createOMElement("Exception", null);
        if (detail != null) {
            ex.setText(detail);
        } else if (!fault.detailXml().isEmpty()) {
            fault.detailXml().forEach(e -> ex.addChild(e.cloneOMElement()));
        } else {
            ex.setText(reason);
        }
        env.getBody().addChild(ex);
        return env;
    }

    /** As Synapse: the fault goes to FaultTo, else ReplyTo, and comes from the old To. */
    private static void markAsResponse(MessageContext ctx) {
        String oldTo = ctx.getTo();
        if (ctx.getFaultTo() != null) {
            ctx.setTo(ctx.getFaultTo());
            ctx.setFaultTo(null);
        } else if (ctx.getReplyTo() != null) {
            ctx.setTo(ctx.getReplyTo());
            ctx.setReplyTo(null);
        } else {
            ctx.setTo(null);
        }
        ctx.setFrom(oldTo);
        ctx.setResponse(true);
    }

    /** An HTTP_SC the user (or a backend) already set to 4xx/5xx is kept; anything else becomes 500. */
    private static boolean isErrorStatus(Object sc) {
        if (sc == null) {
            return false;
        }
        try {
            return Integer.parseInt(sc.toString().trim()) >= 400;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
