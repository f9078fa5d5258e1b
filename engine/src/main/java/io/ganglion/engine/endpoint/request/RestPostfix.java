package io.ganglion.engine.endpoint.request;

import io.ganglion.engine.endpoint.definition.Format;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import java.util.Locale;
import java.util.Set;

/**
 * Synapse's REST_URL_POSTFIX rule for {@code address} and {@code default} endpoints: the part of the
 * request path after the proxy or API (plus the query) is appended to the endpoint's address when
 * the request is REST.
 *
 * <p>A request is REST when the endpoint's format is {@code rest}; never when it is
 * {@code soap11}/{@code soap12}; otherwise when its HTTP method is GET, HEAD, DELETE, PUT, PATCH or
 * OPTIONS, or its messageType is not SOAP: {@code application/soap+xml} is SOAP, and
 * {@code text/xml} is SOAP only when the request carries a SOAPAction (a {@code text/xml} POST
 * without one is plain XML). This follows Synapse's {@code Axis2FlexibleMEPClient}.
 * Thread-safe: stateless.
 */
public final class RestPostfix {

    private static final Set<String> REST_METHODS = Set.of("GET", "HEAD", "DELETE", "PUT", "PATCH", "OPTIONS");

    private RestPostfix() {}

    /** True when the request counts as REST for an endpoint with {@code format} (may be null). */
    public static boolean isRest(MessageContext ctx, Format format) {
        if (format == Format.REST) {
            return true;
        }
        if (format != null && format.isSoap()) {
            return false;
        }
        Object method = ctx.getAxis2Property(StandardProperties.HTTP_METHOD);
        if (method != null && REST_METHODS.contains(method.toString().toUpperCase(Locale.ROOT))) {
            return true;
        }
        Object type = ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE);
        if (type == null) {
            type = ctx.getAxis2Property(StandardProperties.CONTENT_TYPE);
        }
        if (type == null) {
            return true;
        }
        String t = type.toString().toLowerCase(Locale.ROOT);
        if (t.contains("application/soap+xml")) {
            return false;
        }
        if (t.contains("text/xml")) {
            return ctx.getSoapAction() == null;
        }
        return true;
    }

    /** {@code address} plus the message's REST_URL_POSTFIX when the request is REST. */
    public static String apply(MessageContext ctx, String address, Format format) {
        Object postfix = ctx.getAxis2Property(StandardProperties.REST_URL_POSTFIX);
        if (postfix == null || postfix.toString().isEmpty() || !isRest(ctx, format)) {
            return address;
        }
        return join(address, postfix.toString());
    }

    /**
     * Joins an address and a postfix with exactly one slash between the paths. When both carry a
     * query, the postfix's parameters are added after the address's (Synapse would produce a second
     * '?').
     */
    public static String join(String address, String postfix) {
        int aq = address.indexOf('?');
        String aPath = aq < 0 ? address : address.substring(0, aq);
        String aQuery = aq < 0 ? null : address.substring(aq + 1);
        int pq = postfix.indexOf('?');
        String pPath = pq < 0 ? postfix : postfix.substring(0, pq);
        String pQuery = pq < 0 ? null : postfix.substring(pq + 1);

        String path;
        if (pPath.isEmpty()) {
            // "?a=1" onto "http://h/svc/" gives "http://h/svc?a=1", as Synapse does.
            path = pQuery != null && aPath.endsWith("/") && !isRootPath(aPath) ? aPath.substring(0, aPath.length() - 1)
                    : aPath;
        } else if (aPath.endsWith("/") && pPath.startsWith("/")) {
            path = aPath + pPath.substring(1);
        } else if (!aPath.endsWith("/") && !pPath.startsWith("/")) {
            path = aPath + "/" + pPath;
        } else {
            path = aPath + pPath;
        }
        String query = aQuery == null ? pQuery : pQuery == null ? aQuery
                : aQuery.isEmpty() ? pQuery : pQuery.isEmpty() ? aQuery : aQuery + "&" + pQuery;
        return query == null ? path : path + "?" + query;
    }

    /** True for "http://host/": the slash is the whole path and must stay. */
    private static boolean isRootPath(String address) {
        int authority = address.indexOf("//");
        return address.indexOf('/', authority < 0 ? 0 : authority + 2) == address.length() - 1;
    }
}
