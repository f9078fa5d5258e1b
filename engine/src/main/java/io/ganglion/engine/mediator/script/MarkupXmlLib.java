package io.ganglion.engine.mediator.script;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Ref;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.xml.XMLLib;

/**
 * Just enough of an E4X library for XML literals to build their markup: the escaping of
 * {@code {expression}} values inside literals. Everything else E4X does (XML objects, {@code ..},
 * {@code @attr}, {@code default xml namespace}) stays unavailable, with a clear error.
 * Thread-safe: stateless.
 */
final class MarkupXmlLib extends XMLLib {

    private static final String UNAVAILABLE = "E4X is not available: XML literals are strings here; use"
            + " mc.getPayloadXML()/setPayloadXML() with markup, or getPayloadJSON()/setPayloadJSON()";

    private MarkupXmlLib() {}

    /** Installs the library in {@code global}, before it is sealed. */
    static void install(ScriptableObject global) {
        new MarkupXmlLib().bindToScope(global);
    }

    @Override
    public String escapeTextValue(Object value) {
        String s = Context.toString(value);
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String escapeAttributeValue(Object value) {
        return escapeTextValue(value).replace("\"", "&quot;");
    }

    @Override
    public boolean isXMLName(Context cx, Object name) {
        return false;
    }

    @Override
    public Ref nameRef(Context cx, Object name, Scriptable scope, int memberTypeFlags) {
        throw Context.reportRuntimeError(UNAVAILABLE);
    }

    @Override
    public Ref nameRef(Context cx, Object namespace, Object name, Scriptable scope, int memberTypeFlags) {
        throw Context.reportRuntimeError(UNAVAILABLE);
    }

    @Override
    public Object toDefaultXmlNamespace(Context cx, Object uriValue) {
        throw Context.reportRuntimeError(UNAVAILABLE);
    }
}
