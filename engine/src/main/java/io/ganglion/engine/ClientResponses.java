package io.ganglion.engine;

import io.ganglion.engine.message.HeaderNameSet;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.message.format.MessageFormatter;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message into the response a client gets: status from HTTP_SC, headers without framing
 * (and, for a response built from a request, without request-only headers), and the body as bytes
 * when it was built or must change format, relayed untouched otherwise. Thread-safe: stateless.
 */
final class ClientResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ClientResponses.class);

    /** Request headers that make no sense on a response built from a request message. */
    private static final HeaderNameSet REQUEST_ONLY_HEADERS = HeaderNameSet.of("host", "accept", "accept-encoding",
            "accept-language", "accept-charset", "user-agent", "authorization", "proxy-authorization", "cookie",
            "expect", "referer", "origin", "if-match", "if-none-match", "if-modified-since", "if-unmodified-since",
            "range", "max-forwards", "soapaction", "content-length", "x-forwarded-for", "x-forwarded-proto");
    /** Framing and hop-by-hop headers: the transport writes its own. */
    private static final HeaderNameSet FRAMING_HEADERS = HeaderNameSet.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "te", "trailer", "upgrade", "proxy-connection", "content-type");

    private ClientResponses() {}

    /** The response for {@code ctx}. */
    static OutboundResponse of(MessageContext ctx) {
        if (isTrue(ctx.getAxis2Property(StandardProperties.FORCE_SC_ACCEPTED))) {
            return new OutboundResponse(202, new Headers(), OutboundBody.NONE, false);
        }
        int status = statusOf(ctx);
        Headers headers = new Headers();
        boolean fromRequest = !ctx.isResponse();
        for (Headers.Header h : ctx.headers()) {
            String n = h.name();
            if (FRAMING_HEADERS.contains(n) || (fromRequest && REQUEST_ONLY_HEADERS.contains(n))) {
                continue;
            }
            headers.add(h.name(), h.value());
        }
        OutboundBody body;
        if (isTrue(ctx.getAxis2Property(StandardProperties.NO_ENTITY_BODY)) && !ctx.payload().isBuilt()) {
            body = OutboundBody.NONE;
        } else if (ctx.payload().isBuilt() || MessageFormatter.formatChanged(ctx)) {
            body = MessageFormatter.format(ctx);
        } else {
            RawBody raw = ctx.payload().raw();
            body = raw == null || raw.length() == 0 ? OutboundBody.NONE : new OutboundBody.Relay(raw);
        }
        boolean chunked = !isTrue(ctx.getAxis2Property(StandardProperties.DISABLE_CHUNKING));
        return new OutboundResponse(status, headers, body, chunked);
    }

    private static int statusOf(MessageContext ctx) {
        Object sc = ctx.getAxis2Property(StandardProperties.HTTP_SC);
        if (sc != null) {
            try {
                return Integer.parseInt(sc.toString().trim());
            } catch (NumberFormatException e) {
                LOG.warn("HTTP_SC '{}' is not a number; answering 500", sc);
                return 500;
            }
        }
        return ctx.isFaultResponse() ? 500 : 200;
    }

    static boolean isTrue(Object v) {
        return v != null && (Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(v.toString().trim()));
    }
}
