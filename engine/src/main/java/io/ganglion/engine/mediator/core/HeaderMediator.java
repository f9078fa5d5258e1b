package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.message.MessageContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMAttribute;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMNamespace;
import org.apache.axiom.om.OMNode;
import org.apache.axiom.soap.SOAPHeader;
import org.apache.axiom.soap.SOAPHeaderBlock;

/**
 * Sets or removes a header: a WS-Addressing field, a SOAP header block, or an HTTP header.
 *
 * <pre>{@code
 * <header name="To|From|Action|FaultTo|ReplyTo|RelatesTo|MessageID|prefix:local|Http-Name"
 *         [action="set|remove"] (value="v" | expression="xpath")
 *         [scope="soap|default|transport"]>
 *   [inline XML element: a SOAP header block to set]
 * </header>
 * }</pre>
 *
 * <p>Unqualified addressing names set fields of the message ({@code name="To"} changes where an
 * endpoint-less send goes; remove clears it); a prefixed name sets the SOAP header block of that
 * name in the envelope, replacing blocks of the same name; {@code scope="transport"} sets or removes
 * an HTTP header. Only the SOAP variants read the body. Thread-safe: immutable.
 */
public final class HeaderMediator implements Mediator {

    /** Which kind of header the mediator changes. */
    public enum Target {
        ADDRESSING, SOAP, TRANSPORT
    }

    private final Target target;
    private final String name;
    private final AddressingField field;
    private final QName soapName;
    private final boolean remove;
    private final Value value;
    private final OMElement inline;

    private HeaderMediator(Target target, String name, AddressingField field, QName soapName, boolean remove,
            Value value, OMElement inline) {
        this.target = target;
        this.name = name;
        this.field = field;
        this.soapName = soapName;
        this.remove = remove;
        this.value = value;
        this.inline = inline == null ? null : inline.cloneOMElement();
        if (!remove && value == null && this.inline == null) {
            throw new IllegalArgumentException("a header to set needs a value, an expression or inline XML");
        }
    }

    /** Sets ({@code value} non-null) or removes an addressing field. */
    public static HeaderMediator addressing(AddressingField field, Value value) {
        return new HeaderMediator(Target.ADDRESSING, field.xmlName(), field, null, value == null, value, null);
    }

    /** Sets ({@code value} non-null) or removes an HTTP header. */
    public static HeaderMediator transport(String name, Value value) {
        return new HeaderMediator(Target.TRANSPORT, Objects.requireNonNull(name, "name"), null, null,
                value == null, value, null);
    }

    /** Sets ({@code value} non-null) or removes the SOAP header blocks named {@code name}. */
    public static HeaderMediator soap(QName name, Value value) {
        return new HeaderMediator(Target.SOAP, null, null, Objects.requireNonNull(name, "name"), value == null,
                value, null);
    }

    /** Sets a copy of {@code block} as a SOAP header block, replacing blocks of the same name. */
    public static HeaderMediator soapInline(OMElement block) {
        return new HeaderMediator(Target.SOAP, null, null, block.getQName(), false, null, block);
    }

    public Target target() {
        return target;
    }

    /** The addressing field or HTTP header name; null for SOAP headers. */
    public String name() {
        return name;
    }

    /** The SOAP header block name; null for other targets. */
    public QName soapName() {
        return soapName;
    }

    public boolean isRemove() {
        return remove;
    }

    /** The value (static or an expression), or null for a removal or an inline block. */
    public Value value() {
        return value;
    }

    /** A copy of the inline header block, or null. */
    public OMElement inline() {
        return inline == null ? null : inline.cloneOMElement();
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        String v = value == null ? null : value.evaluate(ctx);
        switch (target) {
            case ADDRESSING -> field.set(ctx, v);
            case TRANSPORT -> {
                if (remove) {
                    ctx.headers().remove(name);
                } else {
                    ctx.headers().set(name, v);
                }
            }
            case SOAP -> soap(ctx, v);
        }
        return true;
    }

    @Override
    public boolean readsBody() {
        return target == Target.SOAP || (value != null && value.readsBody());
    }

    private void soap(MessageContext ctx, String v) {
        var envelope = ctx.payload().envelope();
        SOAPHeader header = remove ? envelope.getHeader() : envelope.getOrCreateHeader();
        if (header == null) {
            return;
        }
        List<OMElement> existing = new ArrayList<>();
        for (Iterator<OMElement> it = header.getChildElements(); it.hasNext();) {
            OMElement e = it.next();
            if (e.getQName().equals(soapName)) {
                existing.add(e);
            }
        }
        existing.forEach(OMElement::detach);
        if (remove) {
            return;
        }
        SOAPHeaderBlock block = header.addHeaderBlock(soapName);
        if (inline == null) {
            block.setText(v);
            return;
        }
        OMElement copy = inline.cloneOMElement();
        for (Iterator<OMNamespace> it = copy.getAllDeclaredNamespaces(); it.hasNext();) {
            OMNamespace ns = it.next();
            if (block.findNamespaceURI(ns.getPrefix()) == null) {
                block.declareNamespace(ns);
            }
        }
        for (Iterator<OMAttribute> it = copy.getAllAttributes(); it.hasNext();) {
            OMAttribute a = it.next();
            block.addAttribute(a.getLocalName(), a.getAttributeValue(), a.getNamespace());
        }
        OMNode child;
        while ((child = copy.getFirstOMChild()) != null) {
            block.addChild(child);
        }
    }
}
