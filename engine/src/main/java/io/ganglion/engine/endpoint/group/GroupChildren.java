package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.axiom.om.OMElement;

/** Reads and writes the {@code <endpoint>} children of a group element. Thread-safe: stateless. */
final class GroupChildren {

    private GroupChildren() {}

    /**
     * Reads every {@code <endpoint>} child of {@code group}; other elements (except those named in
     * {@code allowed}) are errors.
     */
    static List<Endpoint> read(OMElement group, ReadContext ctx, String... allowed) {
        List<Endpoint> children = new ArrayList<>();
        for (OMElement c : ReadContext.children(group)) {
            String local = c.getLocalName();
            if (ReadContext.isSynapse(c) && local.equals("endpoint")) {
                children.add(ctx.endpoint(c));
            } else if (!ReadContext.isSynapse(c) || !List.of(allowed).contains(local)) {
                throw ctx.error(c, "unexpected <" + local + "> in <" + group.getLocalName() + ">; expected <endpoint>"
                        + (allowed.length == 0 ? "" : " or <" + String.join(">, <", allowed) + ">"));
            }
        }
        return children;
    }

    /** Writes {@code children} as {@code <endpoint>} children of {@code group}. */
    static void write(List<Endpoint> children, OMElement group, WriteContext ctx) {
        for (Endpoint c : children) {
            group.addChild(EndpointRegistry.defaults().write(c, ctx));
        }
    }
}
