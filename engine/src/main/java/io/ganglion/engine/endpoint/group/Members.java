package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <member hostName httpPort httpsPort/>} elements. Thread-safe: stateless. */
final class Members {

    private Members() {}

    /** The members among {@code group}'s children (empty when it has none). */
    static List<Endpoint> read(OMElement group, ReadContext ctx) {
        List<Endpoint> list = new ArrayList<>();
        for (OMElement m : ReadContext.childrenNamed(group, "member")) {
            String host = ctx.requiredAttribute(m, "hostName").trim();
            Integer http = port(m, "httpPort", ctx);
            Integer https = port(m, "httpsPort", ctx);
            if (http == null && https == null) {
                throw ctx.error(m, "<member> needs 'httpPort' or 'httpsPort'");
            }
            list.add(new MemberEndpoint(host, http, https));
        }
        return list;
    }

    private static Integer port(OMElement m, String name, ReadContext ctx) {
        if (ctx.attribute(m, name) == null) {
            return null;
        }
        long p = ctx.longAttribute(m, name, 0);
        if (p < 1 || p > 65535) {
            throw ctx.error(m, "attribute '" + name + "' of <member> must be a port number, not " + p);
        }
        return (int) p;
    }

    /** Writes members as {@code <member>} children of {@code group}. */
    static void write(List<Endpoint> members, OMElement group, WriteContext ctx) {
        for (Endpoint e : members) {
            MemberEndpoint m = (MemberEndpoint) e;
            OMElement el = ctx.element("member", group);
            ctx.attribute(el, "hostName", m.hostName());
            ctx.attribute(el, "httpPort", m.httpPort() == null ? null : m.httpPort().toString());
            ctx.attribute(el, "httpsPort", m.httpsPort() == null ? null : m.httpsPort().toString());
        }
    }
}
