package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.EndpointXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <endpoint><recipientlist>...</recipientlist></endpoint>}. Thread-safe: stateless. */
public final class RecipientListEndpointXml implements EndpointXml<RecipientListEndpoint> {

    @Override
    public QName element() {
        return SynapseNs.q("recipientlist");
    }

    @Override
    public Class<RecipientListEndpoint> type() {
        return RecipientListEndpoint.class;
    }

    @Override
    public RecipientListEndpoint read(OMElement wrapper, OMElement el, ReadContext ctx) {
        OMElement dynamic = ReadContext.child(el, "endpoints");
        List<Endpoint> members = Members.read(el, ctx);
        List<Endpoint> children = GroupChildren.read(el, ctx, "member", "endpoints");
        int forms = (dynamic != null ? 1 : 0) + (members.isEmpty() ? 0 : 1) + (children.isEmpty() ? 0 : 1);
        if (forms != 1) {
            throw ctx.error(el, "<recipientlist> takes child <endpoint>s, <member>s or one <endpoints value=\"...\"/>"
                    + (forms == 0 ? "" : ", not a mix"));
        }
        EndpointWrapper w = EndpointWrapper.read(wrapper, ctx);
        if (dynamic == null) {
            boolean m = !members.isEmpty();
            return new RecipientListEndpoint(w, m ? members : children, m, null, null, null);
        }
        String value = ctx.requiredAttribute(dynamic, "value").trim();
        SynapseXPath expression = null;
        if (value.startsWith("{") && value.endsWith("}")) {
            expression = ctx.xpath(dynamic, value.substring(1, value.length() - 1));
        }
        Integer maxCache = null;
        if (ctx.attribute(dynamic, "max-cache") != null) {
            long v = ctx.longAttribute(dynamic, "max-cache", RecipientListEndpoint.DEFAULT_MAX_CACHE);
            if (v < 1 || v > 100_000) {
                throw ctx.error(dynamic, "attribute 'max-cache' must be between 1 and 100000, not " + v);
            }
            maxCache = (int) v;
        }
        return new RecipientListEndpoint(w, List.of(), false, value, expression, maxCache);
    }

    @Override
    public OMElement write(RecipientListEndpoint endpoint, WriteContext ctx) {
        OMElement rl = ctx.element("recipientlist");
        if (endpoint.listValue() != null) {
            OMElement e = ctx.element("endpoints", rl);
            ctx.attribute(e, "value", endpoint.listValue());
            ctx.attribute(e, "max-cache", endpoint.maxCache() == null ? null : endpoint.maxCache().toString());
        } else if (endpoint.hasMembers()) {
            Members.write(endpoint.children(), rl, ctx);
        } else {
            GroupChildren.write(endpoint.children(), rl, ctx);
        }
        return endpoint.wrapper().write(rl, ctx);
    }
}
