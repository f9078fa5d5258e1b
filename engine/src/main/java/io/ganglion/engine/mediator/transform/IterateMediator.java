package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.format.MessageBuilder;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.axiom.om.OMContainer;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPEnvelope;
import org.apache.axiom.soap.SOAPFactory;
import org.apache.axiom.soap.SOAPHeader;

/**
 * Splits the message into one message per element the expression selects and sends each to the
 * target, tagged for {@code <aggregate>}.
 *
 * <pre>{@code
 * <iterate expression="xpath" [preservePayload="false"] [attachPath="xpath"] [id="id"]
 *          [sequential="false"] [continueParent="false"]>
 *   <target [to] [soapAction] [sequence="key"] [endpoint="key"]>...</target>
 * </iterate>
 * }</pre>
 *
 * <p>As in Synapse, the selected elements are removed from the original message. Each new message
 * holds its element as the body's only child, or, with {@code preservePayload="true"}, a copy of
 * the rest of the original payload with the element put back under {@code attachPath} (default:
 * where it was). Thread-safe: immutable.
 */
public final class IterateMediator implements Mediator {

    private final String id;
    private final SynapseXPath expression;
    private final boolean preservePayload;
    private final SynapseXPath attachPath;
    private final boolean sequential;
    private final boolean continueParent;
    private final SplitTarget target;

    public IterateMediator(String id, SynapseXPath expression, boolean preservePayload, SynapseXPath attachPath,
            boolean sequential, boolean continueParent, SplitTarget target) {
        this.id = id;
        this.expression = expression;
        this.preservePayload = preservePayload;
        this.attachPath = attachPath;
        this.sequential = sequential;
        this.continueParent = continueParent;
        this.target = target;
    }

    public String id() {
        return id;
    }

    public SynapseXPath expression() {
        return expression;
    }

    public boolean preservePayload() {
        return preservePayload;
    }

    public SynapseXPath attachPath() {
        return attachPath;
    }

    public boolean sequential() {
        return sequential;
    }

    public boolean continueParent() {
        return continueParent;
    }

    public SplitTarget target() {
        return target;
    }

    @Override
    public boolean readsBody() {
        return true;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        SOAPEnvelope env = ctx.payload().envelope();
        List<OMElement> matches = new ArrayList<>();
        for (Object o : expression.selectNodes(ctx)) {
            if (!(o instanceof OMElement e)) {
                throw new MediationException("iterate: expression '" + expression.expression()
                        + "' must select elements, but selected " + (o == null ? "null" : o.getClass().getSimpleName()));
            }
            matches.add(e);
        }
        List<OMContainer> parents = new ArrayList<>(matches.size());
        for (OMElement m : matches) {
            parents.add(m.getParent());
        }
        for (OMElement m : matches) {
            m.detach();
        }
        int n = matches.size();
        String parentId = ctx.getMessageId();
        for (int i = 0; i < n; i++) {
            SOAPEnvelope part = preservePayload ? withPayload(ctx, env, parents.get(i), matches.get(i))
                    : alone(env, matches.get(i));
            // Shares nothing mutable with the parent: the payload is replaced by the new envelope.
            MessageContext copy = ctx.copyForResponse();
            copy.setPayload(Payload.of(part));
            copy.setMessageId("urn:uuid:" + UUID.randomUUID());
            Splits.tag(copy, id, parentId, i, n);
            target.dispatch(copy, sequential);
        }
        return continueParent;
    }

    /** A new envelope of the same version with the original headers and {@code element} as body. */
    private static SOAPEnvelope alone(SOAPEnvelope env, OMElement element) {
        SOAPEnvelope part = ((SOAPFactory) env.getOMFactory()).getDefaultEnvelope();
        SOAPHeader header = env.getHeader();
        if (header != null && header.getFirstElement() != null) {
            SOAPHeader h = part.getOrCreateHeader();
            for (Iterator<OMElement> it = header.getChildElements(); it.hasNext();) {
                h.addChild(it.next().cloneOMElement());
            }
        }
        part.getBody().addChild(element);
        return part;
    }

    /** A copy of the remaining payload with {@code element} attached under attachPath or its old parent. */
    private SOAPEnvelope withPayload(MessageContext ctx, SOAPEnvelope env, OMContainer oldParent, OMElement element) {
        SOAPEnvelope part = MessageBuilder.cloneEnvelope(env);
        OMElement attachTo;
        if (attachPath != null) {
            if (part.getParent() == null) {
                // Absolute paths need a document above the envelope.
                ((SOAPFactory) part.getOMFactory()).createSOAPMessage().setSOAPEnvelope(part);
            }
            attachTo = firstElement(attachPath.evaluate(ctx, part));
            if (attachTo == null) {
                throw new MediationException("iterate: attachPath '" + attachPath.expression()
                        + "' selects no element in the message");
            }
        } else {
            attachTo = follow(part, pathOf(oldParent, env));
            if (attachTo == null) {
                attachTo = part.getBody();
            }
        }
        attachTo.addChild(element);
        return part;
    }

    private static OMElement firstElement(Object result) {
        if (result instanceof OMElement e) {
            return e;
        }
        if (result instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof OMElement e) {
                    return e;
                }
            }
        }
        return null;
    }

    /** Child-element positions leading from {@code root} down to {@code node}, or null when not below it. */
    private static int[] pathOf(OMContainer node, OMElement root) {
        List<Integer> path = new ArrayList<>();
        Object cur = node;
        while (cur != root) {
            if (!(cur instanceof OMElement e) || !(e.getParent() instanceof OMElement parent)) {
                return null;
            }
            int i = 0;
            for (Iterator<OMElement> it = parent.getChildElements(); it.hasNext(); i++) {
                if (it.next() == e) {
                    break;
                }
            }
            path.add(0, i);
            cur = parent;
        }
        return path.stream().mapToInt(Integer::intValue).toArray();
    }

    private static OMElement follow(OMElement root, int[] path) {
        if (path == null) {
            return null;
        }
        OMElement cur = root;
        for (int index : path) {
            Iterator<OMElement> it = cur.getChildElements();
            OMElement next = null;
            for (int i = 0; i <= index && it.hasNext(); i++) {
                next = it.next();
            }
            if (next == null) {
                return null;
            }
            cur = next;
        }
        return cur;
    }
}
