package io.ganglion.engine.mediator.script;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.PayloadException;
import io.ganglion.engine.message.Scope;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.json.JsonParser;

/**
 * The {@code mc} object scripts see: one per run, over the message being mediated. Its methods
 * (defined once on a sealed prototype by {@link McBinding}) follow Synapse's and WSO2's
 * {@code ScriptMessageContext}; payloads go in and out as strings (XML) or JavaScript values (JSON).
 * Not thread-safe: used by the one run that made it.
 */
final class ScriptMessageContext extends ScriptableObject {
    private static final long serialVersionUID = 1L;

    private final transient MessageContext msg;

    ScriptMessageContext(MessageContext msg, Scriptable prototype, Scriptable scope) {
        this.msg = msg;
        setPrototype(prototype);
        setParentScope(scope);
    }

    @Override
    public String getClassName() {
        return "MessageContext";
    }

    MessageContext message() {
        return msg;
    }

    // ---- payload ----

    String getPayloadXML() {
        var first = msg.payload().firstElement();
        return first == null ? null : JsValues.serialize(first);
    }

    void setPayloadXML(String xml) {
        try {
            ScriptPayloads.setXml(msg, xml);
        } catch (PayloadException e) {
            throw JsValues.typeError("setPayloadXML: " + e.getMessage());
        }
    }

    Object getPayloadJSON(Context cx, Scriptable scope) {
        String json = ScriptPayloads.jsonText(msg);
        if (json == null) {
            return null;
        }
        try {
            return JsValues.parse(cx, scope, json);
        } catch (JsonParser.ParseException e) {
            throw new PayloadException(400, "malformed JSON body: " + e.getMessage(), e);
        }
    }

    void setPayloadJSON(Context cx, Scriptable scope, Object value) {
        String json;
        if (value instanceof CharSequence cs) {
            json = cs.toString();
        } else {
            json = JsValues.stringify(cx, scope, value);
            if (json == null) {
                throw JsValues.typeError("setPayloadJSON needs an object, an array, a value or JSON text, not "
                        + Context.toString(value));
            }
        }
        try {
            ScriptPayloads.setJson(msg, json);
        } catch (PayloadException e) {
            throw JsValues.typeError("setPayloadJSON: " + e.getMessage());
        }
    }

    String getJsonText() {
        return ScriptPayloads.jsonText(msg);
    }

    String getPayloadText() {
        return ScriptPayloads.text(msg);
    }

    String getEnvelopeXML() {
        return JsValues.serialize(msg.payload().envelope());
    }

    // ---- properties ----

    Object getProperty(String name, String scope) {
        return JsValues.toJs(msg.getProperty(scope(scope, false), name));
    }

    void setProperty(String name, Object value, String scope) {
        msg.setProperty(scope(scope, true), name, value);
    }

    void removeProperty(String name, String scope) {
        msg.setProperty(scope(scope, true), name, null);
    }

    /** Scripts may use the default, axis2, axis2-client and transport scopes, and read func and registry. */
    private static Scope scope(String name, boolean write) {
        Scope s = Scope.fromXml(name);
        if (s == null || s == Scope.SYSTEM) {
            throw JsValues.typeError("property scope '" + name + "' is not available to scripts; use default, axis2,"
                    + " axis2-client or transport");
        }
        if (write && (s == Scope.FUNC || s == Scope.REGISTRY)) {
            throw JsValues.typeError("property scope '" + s.xmlName() + "' is read-only");
        }
        return s;
    }

    // ---- transport headers ----

    String getHeader(String name) {
        return msg.headers().get(name);
    }

    void setHeader(String name, String value) {
        if (value == null) {
            msg.headers().remove(name);
        } else {
            msg.headers().set(name, value);
        }
    }

    Scriptable getTransportHeaders(Context cx, Scriptable scope) {
        Scriptable o = cx.newObject(scope);
        msg.headers().forEach((n, v) -> {
            if (!ScriptableObject.hasProperty(o, n)) {
                ScriptableObject.putProperty(o, n, v);
            }
        });
        return o;
    }

    // ---- addressing ----

    void setTo(String to) {
        msg.setTo(to);
    }

    String getTo() {
        return msg.getTo();
    }

    void setFaultTo(String v) {
        msg.setFaultTo(v);
    }

    String getFaultTo() {
        return msg.getFaultTo();
    }

    void setReplyTo(String v) {
        msg.setReplyTo(v);
    }

    String getReplyTo() {
        return msg.getReplyTo();
    }

    void setFrom(String v) {
        msg.setFrom(v);
    }

    String getFrom() {
        return msg.getFrom();
    }

    String getMessageID() {
        return msg.getMessageId();
    }

    boolean isResponse() {
        return msg.isResponse();
    }
}
