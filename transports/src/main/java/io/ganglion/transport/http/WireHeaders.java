package io.ganglion.transport.http;

import io.ganglion.engine.message.HeaderNameSet;
import io.ganglion.engine.message.Headers;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpMessage;

/**
 * Copies headers between HttpCore messages and the engine's {@link Headers}, leaving out the
 * hop-by-hop and framing headers each side writes for itself.
 *
 * <p>Inbound copies keep {@code Content-Type} and {@code Host}: the engine reads both (message
 * type, virtual-host dispatch, {@code $trp:Content-Type}). Outbound copies drop them: the body's
 * {@code contentType()} and the target URI are authoritative. Thread-safe: stateless.
 */
public final class WireHeaders {

    /** RFC 7230 hop-by-hop headers and the framing headers the codec derives from the entity it writes. */
    private static final HeaderNameSet HOP_BY_HOP_OR_FRAMING = HeaderNameSet.of("connection", "keep-alive",
            "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers", "upgrade",
            "content-length", "transfer-encoding");

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private WireHeaders() {}

    /** True for hop-by-hop and framing headers, which never cross the SPI. */
    public static boolean isHopByHop(String name) {
        return HOP_BY_HOP_OR_FRAMING.contains(name);
    }

    /** The end-to-end headers of a received message. */
    public static Headers fromWire(HttpMessage message) {
        Set<String> named = connectionTokens(message);
        Headers headers = new Headers();
        for (Header h : message.getHeaders()) {
            String n = h.getName();
            if (!isHopByHop(n) && (named.isEmpty() || !named.contains(n.toLowerCase(Locale.ROOT)))) {
                headers.add(n, h.getValue());
            }
        }
        return headers;
    }

    /**
     * Adds {@code headers} to an outgoing message, without hop-by-hop, framing, Content-Type and
     * (when {@code dropHost}) Host headers.
     */
    public static void toWire(Headers headers, HttpMessage message, boolean dropHost) {
        for (Headers.Header h : headers) {
            String n = h.name();
            if (isHopByHop(n) || n.equalsIgnoreCase("Content-Type") || (dropHost && n.equalsIgnoreCase("Host"))) {
                continue;
            }
            message.addHeader(n, h.value());
        }
    }

    /**
     * Adds the proxy headers a backend uses to learn about the client: the client's address is
     * appended to {@code X-Forwarded-For} (a list kept by every proxy on the way), and
     * {@code X-Forwarded-Proto} is set to the scheme the client used unless a proxy in front of
     * this one already set it. The engine passes request headers on to backends, so they arrive there.
     */
    public static void addForwarded(Headers headers, InetSocketAddress client, String scheme) {
        if (client != null && client.getAddress() != null) {
            String ip = client.getAddress().getHostAddress();
            List<String> before = headers.getAll(FORWARDED_FOR);
            headers.set(FORWARDED_FOR, before.isEmpty() ? ip : String.join(", ", before) + ", " + ip);
        }
        if (!headers.contains(FORWARDED_PROTO)) {
            headers.set(FORWARDED_PROTO, scheme);
        }
    }

    /** Header names listed in {@code Connection}: hop-by-hop for this message only. */
    private static Set<String> connectionTokens(HttpMessage message) {
        Header[] connection = message.getHeaders("Connection");
        if (connection.length == 0) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (Header c : connection) {
            for (String token : c.getValue().split(",")) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    names.add(t);
                }
            }
        }
        return names;
    }
}
