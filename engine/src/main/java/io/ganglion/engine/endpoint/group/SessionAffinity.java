package io.ganglion.engine.endpoint.group;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.xml.SynapseNs;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPHeader;

/**
 * Session affinity of a load-balance group ({@code <session>} before {@code <loadbalance>}): the
 * messages of one client session go to the child that served the session first.
 *
 * <ul>
 *   <li>{@code http}: cookies. A {@code Set-Cookie} from a child binds each cookie ({@code name=value})
 *       to that child; a request carrying one of those cookies goes there.
 *   <li>{@code simpleClientSession}: the client names its session in a {@code ClientID} HTTP header
 *       or, for SOAP, a {@code {http://ws.apache.org/ns/synapse}ClientID} SOAP header; the first
 *       child that answers it is bound.
 *   <li>{@code soap}: the WS-Addressing {@code ServiceGroupId} SOAP header, bound like ClientID.
 * </ul>
 * A binding lasts {@code sessionTimeout} ms (default 120000) after its last use. When the bound
 * child is not ready the message goes to another child, which then takes over the session.
 *
 * <pre>{@code <session type="http|simpleClientSession|soap"><sessionTimeout>ms</sessionTimeout>?</session>}</pre>
 * Thread-safe: bindings are in a concurrent map; each binding's expiry is volatile.
 */
public final class SessionAffinity {

    /** Synapse's default session timeout. */
    public static final long DEFAULT_TIMEOUT_MS = 120_000;
    private static final int MAX_SESSIONS = 100_000;

    /** The session types, by their XML names. */
    public enum Type {
        HTTP("http"), SIMPLE_CLIENT("simpleClientSession"), SOAP("soap");

        private final String xmlName;

        Type(String xmlName) {
            this.xmlName = xmlName;
        }

        public String xmlName() {
            return xmlName;
        }

        public static Type fromXml(String name) {
            for (Type t : values()) {
                if (t.xmlName.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    private static final class Binding {
        final int child;
        volatile long expiresAt;

        Binding(int child, long expiresAt) {
            this.child = child;
            this.expiresAt = expiresAt;
        }
    }

    private final Type type;
    private final Long timeoutMs;
    private final Map<String, Binding> bindings = new ConcurrentHashMap<>();

    /** @param timeoutMs the {@code sessionTimeout} as written, or null */
    public SessionAffinity(Type type, Long timeoutMs) {
        this.type = type;
        this.timeoutMs = timeoutMs;
    }

    public Type type() {
        return type;
    }

    /** The configured timeout, or null. */
    public Long timeoutAttribute() {
        return timeoutMs;
    }

    private long timeout() {
        return timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
    }

    /** True when the session id may be in a SOAP header, so the group needs the body. */
    public boolean readsBody() {
        return type != Type.HTTP;
    }

    /** The child the message's session is bound to, or null. */
    public Integer lookup(MessageContext ctx) {
        long now = ctx.runtime().clock().millis();
        for (String key : keys(ctx)) {
            Binding b = bindings.get(key);
            if (b != null) {
                if (b.expiresAt > now) {
                    b.expiresAt = now + timeout();
                    return b.child;
                }
                bindings.remove(key, b);
            }
        }
        return null;
    }

    /** Child {@code i} answered the message: bind its session (or the cookies it set). */
    public void bind(MessageContext ctx, int child, InboundResponse response) {
        long now = ctx.runtime().clock().millis();
        List<String> keys = type == Type.HTTP ? setCookies(response) : keys(ctx);
        for (String key : keys) {
            if (bindings.size() >= MAX_SESSIONS) {
                bindings.values().removeIf(b -> b.expiresAt <= now);
                if (bindings.size() >= MAX_SESSIONS) {
                    return;
                }
            }
            bindings.put(key, new Binding(child, now + timeout()));
        }
    }

    /** How many sessions are bound (live or not yet purged). */
    public int size() {
        return bindings.size();
    }

    private List<String> keys(MessageContext ctx) {
        switch (type) {
            case HTTP:
                return cookies(ctx.headers().getAll("Cookie"));
            case SIMPLE_CLIENT: {
                String id = ctx.headers().get("ClientID");
                if (id != null && !id.isBlank()) {
                    return List.of("client:" + id.trim());
                }
                String soap = soapHeader(ctx, SynapseNs.URI, "ClientID");
                return soap == null ? List.of() : List.of("client:" + soap);
            }
            default: {
                String sg = soapHeader(ctx, null, "ServiceGroupId");
                return sg == null ? List.of() : List.of("sg:" + sg);
            }
        }
    }

    private static List<String> cookies(List<String> headers) {
        List<String> keys = new ArrayList<>();
        for (String h : headers) {
            for (String part : h.split(";")) {
                String p = part.trim();
                if (p.indexOf('=') > 0) {
                    keys.add("cookie:" + p);
                }
            }
        }
        return keys;
    }

    private static List<String> setCookies(InboundResponse response) {
        List<String> keys = new ArrayList<>();
        for (String h : response.headers().getAll("Set-Cookie")) {
            int semi = h.indexOf(';');
            String pair = (semi < 0 ? h : h.substring(0, semi)).trim();
            if (pair.indexOf('=') > 0) {
                keys.add("cookie:" + pair);
            }
        }
        return keys;
    }

    /** A SOAP header's text; the body is built only when the message is SOAP. */
    private static String soapHeader(MessageContext ctx, String ns, String local) {
        if (!ctx.payload().isBuilt() && !isSoap(ctx)) {
            return null;
        }
        SOAPHeader header = ctx.payload().envelope().getHeader();
        if (header == null) {
            return null;
        }
        for (Iterator<OMElement> it = header.getChildElements(); it.hasNext();) {
            OMElement e = it.next();
            boolean nsOk = ns == null || (e.getNamespace() != null && ns.equals(e.getNamespace().getNamespaceURI()));
            if (nsOk && e.getLocalName().equals(local) && !e.getText().isBlank()) {
                return e.getText().trim();
            }
        }
        return null;
    }

    private static boolean isSoap(MessageContext ctx) {
        Object type = ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE);
        RawBody raw = ctx.payload().raw();
        String t = type != null ? type.toString() : raw == null ? null : raw.contentType();
        if (t == null) {
            return false;
        }
        t = t.toLowerCase(Locale.ROOT);
        return t.startsWith("text/xml") || t.startsWith("application/soap+xml");
    }
}
