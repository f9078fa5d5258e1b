package io.ganglion.engine.endpoint.request;

import io.ganglion.engine.mediator.MediationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Turns target addresses into absolute http(s) URIs, or explains why not. Thread-safe: stateless. */
public final class TargetUri {

    private TargetUri() {}

    /** True when {@code address} is an absolute http or https URL with a host. */
    public static boolean isHttp(String address) {
        if (address == null) {
            return false;
        }
        try {
            return isHttp(toUri(address.trim()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme();
        return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http")
                || scheme.toLowerCase(Locale.ROOT).equals("https")) && uri.getHost() != null;
    }

    /**
     * Parses an absolute http(s) target. Characters that may not appear in a URI (spaces,
     * non-ASCII...) are percent-encoded first, as a client library would.
     *
     * @param what names the address in the error, e.g. "address endpoint 'Quote'"
     * @throws MediationException when the address is not an absolute http(s) URL
     */
    public static URI parse(String address, String what) {
        if (address == null || address.isBlank()) {
            throw new MediationException(what + " has no target address");
        }
        try {
            URI uri = toUri(address.trim());
            if (isHttp(uri)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            throw new MediationException(what + ": '" + address + "' is not a valid URL (" + e.getReason() + ")", e);
        }
        throw new MediationException(what + ": '" + address + "' is not an absolute http or https URL");
    }

    private static URI toUri(String address) throws URISyntaxException {
        String encoded = UriChars.encodeIllegal(address);
        try {
            return new URI(encoded);
        } catch (URISyntaxException e) {
            // java.net.URI accepts '[' and ']' only around an IPv6 host; encode them elsewhere.
            int authority = encoded.indexOf("//");
            int pathStart = encoded.indexOf('/', authority < 0 ? 0 : authority + 2);
            if (pathStart < 0) {
                throw e;
            }
            String rest = encoded.substring(pathStart).replace("[", "%5B").replace("]", "%5D");
            return new URI(encoded.substring(0, pathStart) + rest);
        }
    }
}
