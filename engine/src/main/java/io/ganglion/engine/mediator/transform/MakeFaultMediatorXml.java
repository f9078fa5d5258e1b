package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.mediator.transform.MakeFaultMediator.Fault;
import io.ganglion.engine.mediator.transform.MakeFaultMediator.Text;
import io.ganglion.engine.mediator.transform.MakeFaultMediator.Version;
import io.ganglion.engine.xml.SynapseNs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <makefault>}. Thread-safe: stateless. */
public final class MakeFaultMediatorXml implements MediatorXml<MakeFaultMediator> {

    private static final Map<String, Set<String>> KNOWN_CODES = Map.of(
            XmlSupport.SOAP11_NS, Set.of("VersionMismatch", "MustUnderstand", "Client", "Server"),
            XmlSupport.SOAP12_NS, Set.of("VersionMismatch", "MustUnderstand", "DataEncodingUnknown", "Sender", "Receiver"));

    @Override
    public QName element() {
        return SynapseNs.q("makefault");
    }

    @Override
    public Class<MakeFaultMediator> type() {
        return MakeFaultMediator.class;
    }

    @Override
    public MakeFaultMediator read(OMElement el, ReadContext ctx) {
        Version version = null;
        String v = ctx.attribute(el, "version");
        if (v != null) {
            version = Version.fromXml(v);
            if (version == null) {
                throw ctx.error(el, "<makefault> attribute 'version' must be soap11, soap12 or pox, not '" + v + "'");
            }
        }
        boolean response = ctx.booleanAttribute(el, "response", false);
        OMElement codeEl = ReadContext.child(el, "code");
        if (codeEl == null) {
            throw ctx.error(el, "<makefault> needs a <code> element");
        }
        Text codeText = text(codeEl, ctx);
        QName code = codeText.text() == null ? null : code(codeEl, codeText.text(), ctx);
        OMElement reasonEl = ReadContext.child(el, "reason");
        if (reasonEl == null) {
            throw ctx.error(el, "<makefault> needs a <reason> element");
        }
        Text reason = text(reasonEl, ctx);
        OMElement nodeEl = ReadContext.child(el, "node");
        OMElement roleEl = ReadContext.child(el, "role");
        OMElement detailEl = ReadContext.child(el, "detail");
        Text detail = null;
        List<OMElement> detailXml = new ArrayList<>();
        if (detailEl != null) {
            String expr = ctx.attribute(detailEl, "expression");
            if (expr != null) {
                detail = new Text(null, ctx.xpath(detailEl, expr));
            } else if (detailEl.getFirstElement() != null) {
                ReadContext.children(detailEl).forEach(c -> detailXml.add(c.cloneOMElement()));
            } else {
                detail = new Text(detailEl.getText(), null);
            }
        }
        return new MakeFaultMediator(version, response, new Fault(code, codeText.expression(), reason,
                nodeEl == null ? null : nodeEl.getText().trim(), roleEl == null ? null : roleEl.getText().trim(),
                detail, detailXml));
    }

    private static Text text(OMElement el, ReadContext ctx) {
        String value = ctx.attribute(el, "value");
        String expr = ctx.attribute(el, "expression");
        if ((value == null) == (expr == null)) {
            throw ctx.error(el, "<" + el.getLocalName() + "> needs exactly one of the attributes 'value' and 'expression'");
        }
        return value != null ? new Text(value, null) : new Text(null, ctx.xpath(el, expr));
    }

    private static QName code(OMElement el, String value, ReadContext ctx) {
        String v = value.trim();
        int colon = v.indexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw ctx.error(el, "<code> value '" + value + "' must be a prefixed QName such as soap11Env:Client");
        }
        String prefix = v.substring(0, colon);
        String local = v.substring(colon + 1);
        String ns = ReadContext.namespacesInScope(el).get(prefix);
        if (ns == null) {
            ns = MakeFaultMediator.DEFAULT_PREFIXES.get(prefix);
        }
        if (ns == null) {
            throw ctx.error(el, "<code> value '" + value + "' uses the prefix '" + prefix
                    + "', which is not declared (use soap11Env or soap12Env, or declare it)");
        }
        Set<String> known = KNOWN_CODES.get(ns);
        if (known != null && !known.contains(local)) {
            throw ctx.error(el, "<code> value '" + value + "' is not a SOAP fault code; expected one of "
                    + String.join(", ", known.stream().sorted().toList()));
        }
        return new QName(ns, local, prefix);
    }

    @Override
    public OMElement write(MakeFaultMediator m, WriteContext ctx) {
        OMElement el = ctx.element("makefault");
        if (m.version() != null) {
            ctx.attribute(el, "version", m.version().xmlName());
        }
        if (m.response()) {
            ctx.attribute(el, "response", "true");
        }
        Fault f = m.fault();
        OMElement code = ctx.element("code", el);
        if (f.code() != null) {
            code.declareNamespace(f.code().getNamespaceURI(), f.code().getPrefix());
            ctx.attribute(code, "value", f.code().getPrefix() + ":" + f.code().getLocalPart());
        } else {
            ctx.xpathAttribute(code, "expression", f.codeExpression());
        }
        writeText(ctx.element("reason", el), f.reason(), ctx);
        if (f.node() != null) {
            ctx.element("node", el).setText(f.node());
        }
        if (f.role() != null) {
            ctx.element("role", el).setText(f.role());
        }
        if (f.detail() != null || !f.detailXml().isEmpty()) {
            OMElement d = ctx.element("detail", el);
            if (f.detail() != null && f.detail().expression() != null) {
                ctx.xpathAttribute(d, "expression", f.detail().expression());
            } else if (f.detail() != null) {
                d.setText(f.detail().text());
            }
            f.detailXml().forEach(x -> d.addChild(x.cloneOMElement()));
        }
        return el;
    }

    private static void writeText(OMElement el, Text t, WriteContext ctx) {
        if (t.expression() != null) {
            ctx.xpathAttribute(el, "expression", t.expression());
        } else {
            ctx.attribute(el, "value", t.text());
        }
    }
}
