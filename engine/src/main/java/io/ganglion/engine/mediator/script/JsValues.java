package io.ganglion.engine.mediator.script;

import java.io.IOException;
import java.io.StringWriter;
import org.apache.axiom.om.OMElement;
import org.mozilla.javascript.ConsString;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeJSON;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;
import org.mozilla.javascript.json.JsonParser;

/**
 * Moves values between JavaScript and the message: scripts only ever see strings, numbers,
 * booleans, null and plain JavaScript objects, never Java objects (which would let them reach
 * {@code getClass()} and out of the sandbox). Thread-safe: stateless.
 */
final class JsValues {

    private JsValues() {}

    /** A message value for a script: strings, numbers and booleans as they are; XML as markup; the rest as text. */
    static Object toJs(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Double) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        if (value instanceof OMElement e) {
            return serialize(e);
        }
        return String.valueOf(value);
    }

    /**
     * A script value to store in the message: undefined and null become null, strings strings,
     * whole numbers Integer or Long (so that {@code HTTP_SC} set to 404 reads back as "404"), other
     * numbers Double, objects and arrays their JSON text.
     */
    static Object toJava(Context cx, Scriptable scope, Object value) {
        if (value == null || value instanceof Undefined) {
            return null;
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
                long l = (long) d;
                return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
            }
            return d;
        }
        if (value instanceof Function) {
            return Context.toString(value);
        }
        if (value instanceof Scriptable s) {
            String className = s.getClassName();
            if (className.equals("String") || className.equals("Number") || className.equals("Boolean")) {
                return toJava(cx, scope, Context.jsToJava(value, Object.class));
            }
            String json = stringify(cx, scope, value);
            return json == null ? Context.toString(value) : json;
        }
        return Context.toString(value);
    }

    /** {@code JSON.stringify(value)}, or null when the value has no JSON form (undefined, a function). */
    static String stringify(Context cx, Scriptable scope, Object value) {
        Object json = NativeJSON.stringify(cx, scope, value, null, null);
        return json instanceof CharSequence ? json.toString() : null;
    }

    /**
     * Parses JSON text into JavaScript values.
     *
     * @throws JsonParser.ParseException when the text is not JSON
     */
    static Object parse(Context cx, Scriptable scope, String json) throws JsonParser.ParseException {
        return new JsonParser(cx, scope).parseValue(json);
    }

    /** How {@code print()} shows a value: objects as JSON, everything else as JavaScript's String(). */
    static String toDisplayString(Context cx, Object value) {
        if (value instanceof Scriptable s && !(value instanceof Function) && !(value instanceof ConsString)
                && !s.getClassName().equals("String")) {
            try {
                String json = stringify(cx, ScriptableObject.getTopLevelScope(s), value);
                if (json != null) {
                    return json;
                }
            } catch (RuntimeException e) {
                // cyclic objects and the like: fall back to String()
            }
        }
        return Context.toString(value);
    }

    /** A JavaScript TypeError scripts can catch. */
    static RuntimeException typeError(String message) {
        return ScriptRuntime.typeError(message);
    }

    /** An element as XML text. */
    static String serialize(OMElement e) {
        StringWriter out = new StringWriter(256);
        try {
            e.serialize(out, true);
        } catch (IOException ex) {
            throw new IllegalStateException("could not serialize XML: " + ex.getMessage(), ex);
        }
        return out.toString();
    }
}
