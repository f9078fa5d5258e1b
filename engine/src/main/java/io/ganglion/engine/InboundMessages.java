package io.ganglion.engine;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.InboundExchange;
import io.ganglion.engine.spi.RawBody;

/**
 * Fills a new request message from what the listener received: headers, the unread body, To,
 * HTTP_METHOD, REST_URL_POSTFIX, content type and SOAPAction. Thread-safe: stateless.
 */
final class InboundMessages {

    private InboundMessages() {}

    /** Initialises {@code ctx} for the request {@code in}. */
    static void init(MessageContext ctx, InboundExchange in, long bodyLimit) {
        String uri = in.uri();
        ctx.setHeaders(in.headers().copy());
        ctx.setPayload(Payload.of(in.body()));
        ctx.payload().setBuildLimit(bodyLimit);
        ctx.setTo(uri);
        ctx.setAxis2Property(StandardProperties.HTTP_METHOD, in.method());
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, uri);
        ctx.setAxis2Property(StandardProperties.TRANSPORT_IN_URL, uri);
        ctx.setAxis2Property("REMOTE_ADDR", in.remoteAddress() == null ? null
                : in.remoteAddress().getAddress().getHostAddress());
        ctx.setAxis2Property("TRANSPORT_IN", in.scheme());
        String contentType = in.headers().get("Content-Type");
        if (contentType != null) {
            ctx.setAxis2Property(StandardProperties.CONTENT_TYPE, contentType);
            ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, baseType(contentType));
        }
        if (!in.body().equals(RawBody.empty()) && in.body().length() != 0) {
            ctx.setAxis2Property(StandardProperties.NO_ENTITY_BODY, null);
        } else {
            ctx.setAxis2Property(StandardProperties.NO_ENTITY_BODY, Boolean.TRUE);
        }
        String action = in.headers().get("SOAPAction");
        if (action != null) {
            ctx.setSoapAction(unquote(action));
        }
    }

    /** {@code text/xml; charset=UTF-8} becomes {@code text/xml}. */
    public static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
    }

    static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    static String hostOf(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }
}
