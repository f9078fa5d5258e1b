package io.ganglion.engine.xpath;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.message.StandardProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.apache.axiom.soap.SOAPHeader;
import org.jaxen.ContextSupport;
import org.jaxen.FunctionContext;
import org.jaxen.NamespaceContext;
import org.jaxen.Navigator;
import org.jaxen.UnresolvableException;

/**
 * The Jaxen context of one evaluation: carries the message for the Synapse functions and resolves
 * Synapse's variables ({@code $ctx:}, {@code $axis2:}, {@code $trp:}, {@code $url:},
 * {@code $func:}, {@code $body}, {@code $header}) by prefix, so the prefixes need no namespace
 * declaration. Confined to one evaluation.
 */
final class MessageContextSupport extends ContextSupport {
    private static final long serialVersionUID = 1L;

    private final transient MessageContext message;

    MessageContextSupport(NamespaceContext ns, FunctionContext functions, Navigator navigator, MessageContext message) {
        super(ns, functions, null, navigator);
        this.message = message;
    }

    MessageContext message() {
        return message;
    }

    @Override
    public Object getVariableValue(String namespaceUri, String prefix, String localName) throws UnresolvableException {
        String p = prefix == null ? "" : prefix;
        switch (p) {
            case "":
                if (localName.equals("body")) {
                    return Collections.singletonList(message.payload().envelope().getBody());
                }
                if (localName.equals("header")) {
                    SOAPHeader header = message.payload().envelope().getHeader();
                    return header == null ? List.of() : Collections.singletonList(header);
                }
                break;
            case "ctx":
                return XPathValues.of(message.getProperty(localName));
            case "axis2":
                return XPathValues.of(message.getProperty(Scope.AXIS2, localName));
            case "trp":
                return XPathValues.of(message.headers().get(localName));
            case "func":
                return XPathValues.of(message.templateParam(localName));
            case "url":
                return XPathValues.of(queryParameter(localName));
            default:
                break;
        }
        throw new UnresolvableException("unknown variable $" + (p.isEmpty() ? "" : p + ":") + localName);
    }

    private String queryParameter(String name) {
        Object url = message.getAxis2Property(StandardProperties.TRANSPORT_IN_URL);
        String u = url != null ? url.toString() : message.getTo();
        if (u == null) {
            return null;
        }
        int q = u.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = u.indexOf('#', q);
        String query = hash < 0 ? u.substring(q + 1) : u.substring(q + 1, hash);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (decode(k).equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
