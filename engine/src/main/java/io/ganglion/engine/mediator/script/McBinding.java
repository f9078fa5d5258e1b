package io.ganglion.engine.mediator.script;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.TopLevel;
import org.mozilla.javascript.Undefined;

/**
 * Builds the sealed prototype that holds {@code mc}'s methods, once per runtime. Each method finds
 * its {@link ScriptMessageContext} through {@code this}, so the prototype is shared by every run.
 *
 * <pre>
 * getPayloadXML() / setPayloadXML(xml)        the body's first element as markup (E4X is not available)
 * getPayloadJSON() / setPayloadJSON(value)    JavaScript values; setPayloadJSON also takes JSON text
 * getJsonText() / getPayloadText()            the body as JSON text / as text
 * getEnvelopeXML()                            the SOAP envelope as markup
 * getProperty(name[, scope]) / setProperty(name, value[, scope]) / removeProperty(name[, scope])
 * getHeader(name) / setHeader(name, value) / removeHeader(name) / getTransportHeaders()
 * getTo() / setTo(uri), getFrom / setFrom, getFaultTo / setFaultTo, getReplyTo / setReplyTo
 * getMessageID(), isResponse()
 * </pre>
 * Thread-safe: the prototype is sealed.
 */
final class McBinding {

    /** One method of {@code mc}. */
    @FunctionalInterface
    private interface Method {
        Object call(ScriptMessageContext mc, Context cx, Scriptable scope, Object[] args);
    }

    private McBinding() {}

    /** The sealed prototype of every {@code mc} object, in {@code global}. */
    static Scriptable prototype(ScriptableObject global) {
        NativeObject proto = new NativeObject();
        ScriptRuntime.setBuiltinProtoAndParent(proto, global, TopLevel.Builtins.Object);
        Object none = Undefined.instance;

        define(proto, global, "getPayloadXML", 0, (mc, cx, s, a) -> mc.getPayloadXML());
        define(proto, global, "setPayloadXML", 1, (mc, cx, s, a) -> {
            mc.setPayloadXML(required(a, 0, "setPayloadXML", "xml"));
            return none;
        });
        define(proto, global, "getPayloadJSON", 0, (mc, cx, s, a) -> mc.getPayloadJSON(cx, s));
        define(proto, global, "setPayloadJSON", 1, (mc, cx, s, a) -> {
            if (a.length == 0) {
                throw JsValues.typeError("setPayloadJSON needs a value");
            }
            mc.setPayloadJSON(cx, s, a[0]);
            return none;
        });
        define(proto, global, "getJsonText", 0, (mc, cx, s, a) -> mc.getJsonText());
        define(proto, global, "getPayloadText", 0, (mc, cx, s, a) -> mc.getPayloadText());
        define(proto, global, "getEnvelopeXML", 0, (mc, cx, s, a) -> mc.getEnvelopeXML());

        define(proto, global, "getProperty", 1, (mc, cx, s, a) ->
                mc.getProperty(required(a, 0, "getProperty", "name"), optional(a, 1)));
        define(proto, global, "setProperty", 2, (mc, cx, s, a) -> {
            String name = required(a, 0, "setProperty", "name");
            mc.setProperty(name, a.length > 1 ? JsValues.toJava(cx, s, a[1]) : null, optional(a, 2));
            return none;
        });
        define(proto, global, "removeProperty", 1, (mc, cx, s, a) -> {
            mc.removeProperty(required(a, 0, "removeProperty", "name"), optional(a, 1));
            return none;
        });

        define(proto, global, "getHeader", 1, (mc, cx, s, a) -> mc.getHeader(required(a, 0, "getHeader", "name")));
        define(proto, global, "setHeader", 2, (mc, cx, s, a) -> {
            mc.setHeader(required(a, 0, "setHeader", "name"), optional(a, 1));
            return none;
        });
        define(proto, global, "removeHeader", 1, (mc, cx, s, a) -> {
            mc.setHeader(required(a, 0, "removeHeader", "name"), null);
            return none;
        });
        define(proto, global, "getTransportHeaders", 0, (mc, cx, s, a) -> mc.getTransportHeaders(cx, s));

        define(proto, global, "getTo", 0, (mc, cx, s, a) -> mc.getTo());
        define(proto, global, "setTo", 1, (mc, cx, s, a) -> {
            mc.setTo(optional(a, 0));
            return none;
        });
        define(proto, global, "getFrom", 0, (mc, cx, s, a) -> mc.getFrom());
        define(proto, global, "setFrom", 1, (mc, cx, s, a) -> {
            mc.setFrom(optional(a, 0));
            return none;
        });
        define(proto, global, "getFaultTo", 0, (mc, cx, s, a) -> mc.getFaultTo());
        define(proto, global, "setFaultTo", 1, (mc, cx, s, a) -> {
            mc.setFaultTo(optional(a, 0));
            return none;
        });
        define(proto, global, "getReplyTo", 0, (mc, cx, s, a) -> mc.getReplyTo());
        define(proto, global, "setReplyTo", 1, (mc, cx, s, a) -> {
            mc.setReplyTo(optional(a, 0));
            return none;
        });
        define(proto, global, "getMessageID", 0, (mc, cx, s, a) -> mc.getMessageID());
        define(proto, global, "isResponse", 0, (mc, cx, s, a) -> mc.isResponse());

        proto.sealObject();
        return proto;
    }

    private static void define(NativeObject proto, Scriptable global, String name, int arity, Method m) {
        LambdaFunction f = new LambdaFunction(global, name, arity, (cx, scope, thisObj, args) -> {
            if (!(thisObj instanceof ScriptMessageContext mc)) {
                throw JsValues.typeError("mc." + name + " must be called on mc");
            }
            return m.call(mc, cx, ScriptableObject.getTopLevelScope(scope), args);
        });
        proto.defineProperty(name, f, ScriptableObject.DONTENUM | ScriptableObject.READONLY);
    }

    /** Argument {@code i} as a string; a TypeError when it is missing, null or undefined. */
    private static String required(Object[] args, int i, String method, String what) {
        String v = optional(args, i);
        if (v == null) {
            throw JsValues.typeError("mc." + method + " needs " + what);
        }
        return v;
    }

    /** Argument {@code i} as a string, or null when missing, null or undefined. */
    private static String optional(Object[] args, int i) {
        if (args.length <= i || args[i] == null || args[i] instanceof Undefined) {
            return null;
        }
        return Context.toString(args[i]);
    }
}
