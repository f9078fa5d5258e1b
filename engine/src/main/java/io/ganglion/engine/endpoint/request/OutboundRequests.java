package io.ganglion.engine.endpoint.request;

import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.definition.Format;
import io.ganglion.engine.message.HeaderNameSet;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.message.format.MessageFormatter;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.OutboundRequest.SendOptions;
import io.ganglion.engine.spi.RawBody;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the request a leaf endpoint hands to the transport: method, headers, body and options
 * from the message and the endpoint's definition. Shared by every leaf endpoint.
 *
 * <ul>
 *   <li>Method: the endpoint's own (http endpoint), else GET for {@code format="get"}, POST for the
 *       SOAP formats (as Synapse), else the message's HTTP_METHOD, else POST.
 *   <li>Headers: the message's, minus Host, framing and hop-by-hop headers. SOAP 1.1 output gets a
 *       quoted SOAPAction header; SOAP 1.2 output carries the action in the content type.
 *   <li>Body: none for GET and HEAD (as WSO2's pass-through sender), when NO_ENTITY_BODY is set on
 *       an unbuilt message, or for a DELETE without content; the message serialized by {@link MessageFormatter} when it is built or the format
 *       converts it; otherwise the wire body relayed untouched (no copy).
 * </ul>
 * Thread-safe: stateless.
 */
public final class OutboundRequests {

    /** Headers the transport writes itself, or that must not travel to the next hop. */
    private static final HeaderNameSet STRIPPED = HeaderNameSet.of("host", "content-length", "transfer-encoding",
            "content-type", "connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade", "expect");
    private static final Set<String> NEVER_A_BODY = Set.of("GET", "HEAD");
    private static final String SOAP_ACTION = "SOAPAction";

    private OutboundRequests() {}

    /**
     * Builds the request for {@code target}.
     *
     * @param method the endpoint's own method, or null to derive it from the format and message
     * @param definition the endpoint's QoS settings
     */
    public static OutboundRequest build(MessageContext ctx, URI target, String method, EndpointDefinition definition) {
        Format format = definition.format();
        String m = method(ctx, method, format);
        OutboundBody body = body(ctx, m, format);
        Headers headers = headers(ctx);
        body = applySoapAction(ctx, headers, body, format);
        SendOptions options = new SendOptions(definition.responseTimeout(),
                !isTrue(ctx.getAxis2Property(StandardProperties.DISABLE_CHUNKING)),
                !isTrue(ctx.getAxis2Property(StandardProperties.NO_KEEPALIVE)));
        return new OutboundRequest(m, target, headers, body, options);
    }

    static String method(MessageContext ctx, String endpointMethod, Format format) {
        if (endpointMethod != null) {
            return endpointMethod;
        }
        if (format == Format.GET) {
            return "GET";
        }
        if (format != null && format.isSoap()) {
            return "POST";
        }
        Object m = ctx.getAxis2Property(StandardProperties.HTTP_METHOD);
        return m == null || m.toString().isBlank() ? "POST" : m.toString().trim().toUpperCase(Locale.ROOT);
    }

    static Headers headers(MessageContext ctx) {
        Headers out = new Headers();
        for (Headers.Header h : ctx.headers()) {
            if (!STRIPPED.contains(h.name())) {
                out.add(h.name(), h.value());
            }
        }
        return out;
    }

    static OutboundBody body(MessageContext ctx, String method, Format format) {
        Payload payload = ctx.payload();
        // Synapse's GET format moves the payload into the URL; we send no entity for it either.
        if (format == Format.GET || NEVER_A_BODY.contains(method)) {
            return OutboundBody.NONE;
        }
        if (isTrue(ctx.getAxis2Property(StandardProperties.NO_ENTITY_BODY)) && !payload.isBuilt()) {
            return OutboundBody.NONE;
        }
        if (method.equals("DELETE") && !hasContent(payload)) {
            return OutboundBody.NONE;
        }
        if (payload.isBuilt() || (format != null && format.convertsBody()) || MessageFormatter.formatChanged(ctx)) {
            return serialize(ctx, format);
        }
        RawBody raw = payload.raw();
        return raw == null || raw.length() == 0 ? OutboundBody.NONE : new OutboundBody.Relay(raw);
    }

    private static boolean hasContent(Payload payload) {
        if (payload.isBuilt()) {
            return payload.envelope().getBody().getFirstElement() != null;
        }
        RawBody raw = payload.raw();
        return raw != null && raw.length() != 0;
    }

    /** Serializes in the format's messageType without leaving it on the message. */
    private static OutboundBody serialize(MessageContext ctx, Format format) {
        String type = format == null ? null : format.messageType();
        if (type == null) {
            return MessageFormatter.format(ctx);
        }
        Object saved = ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE);
        ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, type);
        try {
            return MessageFormatter.format(ctx);
        } finally {
            ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, saved);
        }
    }

    private static OutboundBody applySoapAction(MessageContext ctx, Headers headers, OutboundBody body, Format format) {
        String contentType = body.contentType();
        String base = contentType == null ? "" : baseType(contentType);
        String action = ctx.getSoapAction();
        if (base.equals("text/xml")) {
            if (action != null) {
                headers.set(SOAP_ACTION, quote(action));
            } else if (format == Format.SOAP11 && !headers.contains(SOAP_ACTION)) {
                headers.set(SOAP_ACTION, "\"\"");
            }
        } else if (base.equals("application/soap+xml")) {
            headers.remove(SOAP_ACTION);
            if (action != null && !action.isEmpty() && body instanceof OutboundBody.Bytes b
                    && !contentType.toLowerCase(Locale.ROOT).contains("action=")) {
                return new OutboundBody.Bytes(b.bytes(), contentType + "; action=" + quote(action));
            }
        }
        return body;
    }

    private static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static String quote(String action) {
        return action.length() >= 2 && action.startsWith("\"") && action.endsWith("\"") ? action : "\"" + action + "\"";
    }

    private static boolean isTrue(Object v) {
        return v != null && (Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(v.toString().trim()));
    }
}
