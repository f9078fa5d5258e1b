package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointProperty;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.EndpointXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes {@code <endpoint>[<session/>]<loadbalance>...</loadbalance></endpoint>}.
 * Thread-safe: stateless.
 */
public final class LoadbalanceEndpointXml implements EndpointXml<LoadbalanceEndpoint> {

    @Override
    public QName element() {
        return SynapseNs.q("loadbalance");
    }

    @Override
    public Class<LoadbalanceEndpoint> type() {
        return LoadbalanceEndpoint.class;
    }

    @Override
    public LoadbalanceEndpoint read(OMElement wrapper, OMElement el, ReadContext ctx) {
        String algorithmText = ctx.attribute(el, "algorithm");
        String policy = ctx.attribute(el, "policy");
        if (algorithmText != null && policy != null) {
            throw ctx.error(el, "<loadbalance> takes 'algorithm' or the older 'policy', not both");
        }
        if (policy != null && !policy.trim().equals("roundRobin")) {
            throw ctx.error(el, "attribute 'policy' of <loadbalance> must be roundRobin, not '" + policy
                    + "'; use 'algorithm' for other algorithms");
        }
        Algorithm algorithm = Algorithm.ROUND_ROBIN;
        if (algorithmText != null) {
            algorithm = Algorithm.fromXml(algorithmText);
            if (algorithm == null) {
                throw ctx.error(el, "unknown load-balance algorithm '" + algorithmText + "'; known: "
                        + Algorithm.choices());
            }
        }
        Boolean failover = ctx.attribute(el, "failover") == null ? null : ctx.booleanAttribute(el, "failover", true);
        List<Endpoint> members = Members.read(el, ctx);
        List<Endpoint> children = GroupChildren.read(el, ctx, "member");
        if (!members.isEmpty() && !children.isEmpty()) {
            throw ctx.error(el, "<loadbalance> takes child <endpoint>s or <member>s, not both");
        }
        boolean hasMembers = !members.isEmpty();
        List<Endpoint> all = hasMembers ? members : children;
        if (all.isEmpty()) {
            throw ctx.error(el, "<loadbalance> needs at least one child <endpoint> or <member>");
        }
        int[] weights = new int[all.size()];
        List<OMElement> childElements = new ArrayList<>(ReadContext.childrenNamed(el, "endpoint"));
        for (int i = 0; i < all.size(); i++) {
            weights[i] = hasMembers ? 1 : weight(all.get(i), childElements.get(i), ctx);
        }
        return new LoadbalanceEndpoint(EndpointWrapper.read(wrapper, ctx), all, algorithm, algorithmText, policy,
                failover, session(ReadContext.child(wrapper, "session"), ctx), hasMembers, weights,
                RetrySettings.read(el, ctx));
    }

    private static int weight(Endpoint child, OMElement at, ReadContext ctx) {
        if (child.wrapper() == null) {
            return 1;
        }
        for (EndpointProperty p : child.wrapper().properties()) {
            if (p.name().equals(LoadbalanceEndpoint.WEIGHT_PROPERTY)) {
                if (p.value() == null) {
                    throw ctx.error(at, "the '" + LoadbalanceEndpoint.WEIGHT_PROPERTY + "' property needs a value,"
                            + " not an expression");
                }
                try {
                    int w = Integer.parseInt(p.value().trim());
                    if (w < 1 || w > 10_000) {
                        throw new NumberFormatException();
                    }
                    return w;
                } catch (NumberFormatException e) {
                    throw ctx.error(at, "the '" + LoadbalanceEndpoint.WEIGHT_PROPERTY
                            + "' property must be a whole number from 1 to 10000, not '" + p.value() + "'");
                }
            }
        }
        return 1;
    }

    private static SessionAffinity session(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        String typeText = ctx.requiredAttribute(el, "type");
        SessionAffinity.Type type = SessionAffinity.Type.fromXml(typeText.trim());
        if (type == null) {
            throw ctx.error(el, "attribute 'type' of <session> must be http, simpleClientSession or soap, not '"
                    + typeText + "'");
        }
        Long timeout = null;
        OMElement t = ReadContext.child(el, "sessionTimeout");
        if (t != null) {
            try {
                timeout = Long.parseLong(ReadContext.text(t));
            } catch (NumberFormatException e) {
                timeout = -1L;
            }
            if (timeout <= 0) {
                throw ctx.error(t, "<sessionTimeout> must be a positive number of milliseconds, not '"
                        + ReadContext.text(t) + "'");
            }
        }
        return new SessionAffinity(type, timeout);
    }

    @Override
    public OMElement write(LoadbalanceEndpoint endpoint, WriteContext ctx) {
        OMElement lb = ctx.element("loadbalance");
        ctx.attribute(lb, "algorithm", endpoint.algorithmAttribute());
        ctx.attribute(lb, "policy", endpoint.policyAttribute());
        ctx.attribute(lb, "failover", endpoint.failoverAttribute() == null ? null
                : endpoint.failoverAttribute().toString());
        endpoint.retry().write(lb, ctx);
        if (endpoint.hasMembers()) {
            Members.write(endpoint.children(), lb, ctx);
        } else {
            GroupChildren.write(endpoint.children(), lb, ctx);
        }
        OMElement wrapper = endpoint.wrapper().write(lb, ctx);
        SessionAffinity s = endpoint.session();
        if (s != null) {
            OMElement session = ctx.element("session");
            ctx.attribute(session, "type", s.type().xmlName());
            if (s.timeoutAttribute() != null) {
                ctx.element("sessionTimeout", session).setText(s.timeoutAttribute().toString());
            }
            lb.insertSiblingBefore(session);
        }
        return wrapper;
    }
}
