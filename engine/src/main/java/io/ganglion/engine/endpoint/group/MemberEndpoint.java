package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.EndpointStatus;
import io.ganglion.engine.endpoint.health.Monitored;
import io.ganglion.engine.endpoint.health.SuspensionPolicy;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * A static member of a load-balance group or recipient list, {@code <member hostName="h"
 * [httpPort="p"] [httpsPort="p"]/>}: the message goes to that host with the path (and query) of its
 * To address, over https when the request came over https (or the member has only an https port).
 * Synapse re-probes a failed member with a TCP connect every 500 ms; a member here is suspended for
 * 1 s after a failure, doubling up to 30 s, and then probed by one message.
 * Thread-safe: configuration is immutable; health state is thread-safe.
 */
public final class MemberEndpoint implements Endpoint, Monitored {

    private static final SuspensionPolicy MEMBER_POLICY =
            new SuspensionPolicy(null, null, 0, 0, 1_000, 2.0, 30_000);

    private final String hostName;
    private final Integer httpPort;
    private final Integer httpsPort;
    private final Leaf leaf;

    public MemberEndpoint(String hostName, Integer httpPort, Integer httpsPort) {
        this.hostName = hostName;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.leaf = new Leaf("member", toString(), EndpointDefinition.EMPTY, MEMBER_POLICY,
                ErrorCode.ADDRESS_ENDPOINT_NOT_READY.code(), null, null, false);
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

    @Override
    public String name() {
        return null;
    }

    /** The URL for this message. */
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
    public void send(MessageContext ctx, SendCallback callback) {
        leaf.send(ctx, target(ctx), null, callback);
    }

    @Override
    public List<EndpointStatus> statuses(String path) {
        return leaf.statuses(path);
    }

    @Override
    public void switchOff() {
        leaf.switchOff();
    }

    @Override
    public void switchOn() {
        leaf.switchOn();
    }

    @Override
    public String toString() {
        return "member " + hostName + (httpPort == null ? "" : ":" + httpPort)
                + (httpsPort == null ? "" : " (https " + httpsPort + ")");
    }
}
