package io.ganglion.engine.xpath;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jaxen.Context;
import org.jaxen.Function;
import org.jaxen.FunctionCallException;
import org.jaxen.FunctionContext;
import org.jaxen.UnresolvableException;
import org.jaxen.XPathFunctionContext;
import org.jaxen.function.StringFunction;

/**
 * Synapse's XPath functions on top of XPath 1.0 and Jaxen's extensions: {@code get-property},
 * {@code base64Encode}, {@code base64Decode} and {@code url-encode}. Thread-safe: immutable.
 */
final class SynapseFunctions implements FunctionContext {

    static final SynapseFunctions INSTANCE = new SynapseFunctions();

    /** Lowest and highest argument counts of the Synapse functions, for checks at compile time. */
    record Arity(int min, int max) {}

    private static final Function BASE64_ENCODE = (context, args) -> {
        arity("base64Encode", args, 1, 2);
        String s = string(args.get(0), context);
        return Base64.getEncoder().encodeToString(s.getBytes(charset(args, 1, context)));
    };

    private static final Function BASE64_DECODE = (context, args) -> {
        arity("base64Decode", args, 1, 2);
        String s = string(args.get(0), context).trim();
        try {
            return new String(Base64.getMimeDecoder().decode(s), charset(args, 1, context));
        } catch (IllegalArgumentException e) {
            return "";
        }
    };

    // RFC 3986 percent-encoding (a space is %20, not '+'), so the result fits paths and queries alike.
    private static final Function URL_ENCODE = (context, args) -> {
        arity("url-encode", args, 1, 2);
        String s = string(args.get(0), context);
        return URLEncoder.encode(s, charset(args, 1, context))
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    };

    private SynapseFunctions() {}

    @Override
    public Function getFunction(String namespaceUri, String prefix, String localName) throws UnresolvableException {
        if (prefix == null || prefix.isEmpty()) {
            switch (localName) {
                case "get-property":
                    return GetPropertyFunction.INSTANCE;
                case "base64Encode":
                    return BASE64_ENCODE;
                case "base64Decode":
                    return BASE64_DECODE;
                case "url-encode":
                    return URL_ENCODE;
                case "document":
                    // Jaxen's document() would fetch any URL or file; evaluate() could reach it with message data
                    throw new UnresolvableException("document() is not available");
                default:
                    break;
            }
        }
        return XPathFunctionContext.getInstance().getFunction(namespaceUri, prefix, localName);
    }

    /** The arity of a Synapse function, or null for standard and Jaxen functions. */
    static Arity arityOf(String localName) {
        switch (localName) {
            case "get-property":
                return new Arity(1, 3);
            case "base64Encode":
            case "base64Decode":
            case "url-encode":
                return new Arity(1, 2);
            default:
                return null;
        }
    }

    static String string(Object arg, Context context) {
        return StringFunction.evaluate(arg, context.getNavigator());
    }

    static void arity(String name, List<?> args, int min, int max) throws FunctionCallException {
        if (args.size() < min || args.size() > max) {
            throw new FunctionCallException(name + "() takes " + (min == max ? min : min + " to " + max)
                    + " arguments, not " + args.size());
        }
    }

    private static Charset charset(List<?> args, int index, Context context) throws FunctionCallException {
        if (args.size() <= index) {
            return StandardCharsets.UTF_8;
        }
        String name = string(args.get(index), context);
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new FunctionCallException("unknown charset '" + name + "'");
        }
    }
}
