package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.SequenceReference;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.message.MessageContext;
import org.apache.axiom.om.OMElement;

/**
 * Where clone and iterate send each copy: a sequence (inline or by key), else an endpoint (inline
 * or by key), after optionally setting To and SOAPAction.
 *
 * <pre>{@code
 * <target [to="uri"] [soapAction="action"] [sequence="key"] [endpoint="key"]>
 *   <sequence>mediators</sequence>?
 *   <endpoint>...</endpoint>?
 * </target>
 * }</pre>
 *
 * <p>As in Synapse, a sequence wins over an endpoint when both are given. Thread-safe: immutable.
 *
 * @param to the To address to set, or null
 * @param soapAction the SOAPAction to set, or null
 * @param sequence the inline sequence or a {@link SequenceReference}, or null
 * @param endpoint the inline endpoint, or null
 * @param endpointKey the key of a named endpoint, or null
 */
public record SplitTarget(String to, String soapAction, Mediator sequence, Endpoint endpoint, String endpointKey) {

    /** Hands one copy to this target: asynchronously, or on this thread when {@code sequential}. */
    void dispatch(MessageContext copy, boolean sequential) {
        if (soapAction != null) {
            copy.setSoapAction(soapAction);
        }
        if (to != null) {
            copy.setTo(to);
        }
        if (sequence != null) {
            if (sequential) {
                sequence.mediate(copy);
            } else {
                copy.runtime().mediateAsync(copy, sequence);
            }
        } else if (endpoint != null) {
            copy.runtime().send(copy, endpoint, null);
        } else if (endpointKey != null) {
            Endpoint e = copy.config().endpoint(endpointKey);
            if (e == null) {
                throw new MediationException("endpoint '" + endpointKey + "' (a clone/iterate target) is not deployed");
            }
            copy.runtime().send(copy, e, null);
        }
    }

    /** True when running the target on the calling thread would read the body. */
    boolean readsBody() {
        return sequence != null && sequence.readsBody();
    }

    /** Reads a {@code <target>} element. */
    static SplitTarget read(OMElement t, ReadContext ctx) {
        Mediator seq = ctx.inlineOrKeyedSequence(t, "sequence", "sequence");
        String endpointKey = ctx.attribute(t, "endpoint");
        OMElement inlineEndpoint = ReadContext.child(t, "endpoint");
        if (endpointKey != null && inlineEndpoint != null) {
            throw ctx.error(inlineEndpoint, "<endpoint> is given both inline and as attribute 'endpoint'");
        }
        if (endpointKey != null) {
            ctx.reference(ReadContext.ReferenceKind.ENDPOINT, endpointKey, t);
        }
        return new SplitTarget(ctx.attribute(t, "to"), ctx.attribute(t, "soapAction"), seq,
                inlineEndpoint == null ? null : ctx.endpoint(inlineEndpoint), endpointKey);
    }

    /** Writes this target as a child of {@code parent}. */
    void write(OMElement parent, WriteContext ctx) {
        OMElement t = ctx.element("target", parent);
        ctx.attribute(t, "to", to);
        ctx.attribute(t, "soapAction", soapAction);
        if (sequence instanceof SequenceReference ref) {
            ctx.attribute(t, "sequence", ref.key());
        } else if (sequence instanceof ListMediator list) {
            ctx.mediators(ctx.element("sequence", t), list.children());
        }
        ctx.attribute(t, "endpoint", endpointKey);
        if (endpoint != null) {
            t.addChild(ctx.endpoint(endpoint));
        }
    }
}
