package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <header>}. Thread-safe: stateless. */
public final class HeaderMediatorXml implements MediatorXml<HeaderMediator> {

    @Override
    public QName element() {
        return SynapseNs.q("header");
    }

    @Override
    public Class<HeaderMediator> type() {
        return HeaderMediator.class;
    }

    @Override
    public HeaderMediator read(OMElement el, ReadContext ctx) {
        String action = ctx.attribute(el, "action");
        boolean remove;
        if (action == null || action.equalsIgnoreCase("set")) {
            remove = false;
        } else if (action.equalsIgnoreCase("remove")) {
            remove = true;
        } else {
            throw ctx.error(el, "attribute 'action' of <header> must be set or remove, not '" + action + "'");
        }
        String scope = ctx.attribute(el, "scope");
        boolean transport;
        String s = scope == null ? "soap" : scope.trim().toLowerCase(Locale.ROOT);
        if (s.equals("soap") || s.equals("default")) {
            transport = false;
        } else if (s.equals("transport")) {
            transport = true;
        } else {
            throw ctx.error(el, "attribute 'scope' of <header> must be soap, default or transport, not '" + scope + "'");
        }
        Value value = remove ? null : CoreXml.valueOrExpression(ctx, el);
        OMElement inline = ReadContext.firstChildElement(el);
        String name = ctx.attribute(el, "name");
        if (inline != null && !remove) {
            if (value != null || name != null || transport) {
                throw ctx.error(el, "<header> with an inline XML child sets that SOAP header block;"
                        + " it takes no 'name', 'value', 'expression' or transport scope");
            }
            if (inline.getNamespace() == null || inline.getNamespace().getNamespaceURI().isEmpty()) {
                throw ctx.error(inline, "a SOAP header block must be namespace-qualified");
            }
            return HeaderMediator.soapInline(inline);
        }
        name = ctx.requiredAttribute(el, "name");
        if (!remove && value == null) {
            throw ctx.error(el, "<header name=\"" + name + "\"> needs 'value', 'expression' or an inline XML child");
        }
        if (transport) {
            return HeaderMediator.transport(name.trim(), value);
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            AddressingField field = AddressingField.of(name.trim());
            if (field == null) {
                throw ctx.error(el, "<header name=\"" + name + "\">: an unqualified name must be one of To, From,"
                        + " Action, FaultTo, ReplyTo, RelatesTo, MessageID; use prefix:name for a SOAP header"
                        + " or scope=\"transport\" for an HTTP header");
            }
            return HeaderMediator.addressing(field, value);
        }
        String prefix = name.substring(0, colon).trim();
        String local = name.substring(colon + 1).trim();
        String uri = ReadContext.namespacesInScope(el).get(prefix);
        if (uri == null || local.isEmpty()) {
            throw ctx.error(el, "<header name=\"" + name + "\">: "
                    + (uri == null ? "namespace prefix '" + prefix + "' is not declared" : "the local name is empty"));
        }
        return HeaderMediator.soap(new QName(uri, local, prefix), value);
    }

    @Override
    public OMElement write(HeaderMediator m, WriteContext ctx) {
        OMElement el = ctx.element("header");
        OMElement inline = m.inline();
        if (inline != null) {
            el.addChild(inline);
            return el;
        }
        if (m.target() == HeaderMediator.Target.SOAP) {
            QName q = m.soapName();
            String prefix = q.getPrefix().isEmpty() ? "ns" : q.getPrefix();
            el.declareNamespace(q.getNamespaceURI(), prefix);
            ctx.attribute(el, "name", prefix + ":" + q.getLocalPart());
        } else {
            ctx.attribute(el, "name", m.name());
        }
        if (m.isRemove()) {
            ctx.attribute(el, "action", "remove");
        }
        if (m.target() == HeaderMediator.Target.TRANSPORT) {
            ctx.attribute(el, "scope", "transport");
        }
        CoreXml.valueOrExpression(ctx, el, m.value());
        return el;
    }
}
