package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.SuspensionPolicy;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.leaf.LeafEndpoint;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import java.net.URI;
import java.util.Locale;

/**
 * A static member of a load-balance group or recipient list, {@code <member hostName="h"
 * [httpPort="p"] [httpsPort="p"]/>}: the message goes to that host with the path (and query) of its
 * To address, over https when the request came over https (or the member has only an https port).
 * Synapse re-probes a failed member with a TCP connect every 500 ms; a member here is suspended for
 * 1 s after a failure, doubling up to 30 s, and then probed by one message.
 * Thread-safe: configuration is immutable; health state is thread-safe.
 */
public final class MemberEndpoint extends LeafEndpoint {

    private static final SuspensionPolicy MEMBER_POLICY =
            new SuspensionPolicy(null, null, 0, 0, 1_000, 2.0, 30_000);

    private final String hostName;
    private final Integer httpPort;
    private final Integer httpsPort;

    public MemberEndpoint(String hostName, Integer httpPort, Integer httpsPort) {
        super(EndpointWrapper.ANONYMOUS, new Leaf("member", describe(hostName, httpPort, httpsPort),
                EndpointDefinition.EMPTY, MEMBER_POLICY, ErrorCode.ADDRESS_ENDPOINT_NOT_READY.code(), null, null, false),
                EndpointDefinition.EMPTY);
        this.hostName = hostName;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    public String hostName() {
        return hostName;
    }

    /** The HTTP port, or null. */
    public Integer httpPort() {
        return httpPort;
    }

    /** The HTTPS port, or null. */
    public Integer httpsPort() {
        return httpsPort;
    }

    /** The URL for this message. */
    @Override
    public URI target(MessageContext ctx) {
        String to = ctx.getTo() == null || ctx.getTo().isBlank() ? "/" : ctx.getTo().trim();
        String path = to;
        boolean secure = false;
        if (TargetUri.isHttp(to)) {
            URI u = TargetUri.parse(to, toString());
            secure = "https".equalsIgnoreCase(u.getScheme());
            path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        } else {
            var in = ctx.exchange().inbound();
            secure = in != null && "https".equals(in.scheme().toLowerCase(Locale.ROOT));
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        boolean https = httpsPort != null && (secure || httpPort == null);
        String host = hostName.contains(":") && !hostName.startsWith("[") ? "[" + hostName + "]" : hostName;
        String base = https ? "https://" + host + ":" + httpsPort
                : "http://" + host + (httpPort == null ? "" : ":" + httpPort);
        return TargetUri.parse(base + path, toString());
    }

    @Override
    public String toString() {
        return describe(hostName, httpPort, httpsPort);
    }

    private static String describe(String hostName, Integer httpPort, Integer httpsPort) {
        return "member " + hostName + (httpPort == null ? "" : ":" + httpPort)
                + (httpsPort == null ? "" : " (https " + httpsPort + ")");
    }
}
