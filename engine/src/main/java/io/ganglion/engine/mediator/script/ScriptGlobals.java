package io.ganglion.engine.mediator.script;

import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The functions Ganglion adds to the scripts' global scope: {@code print(...)} and {@code log(...)}
 * (both write one INFO line to the {@code io.ganglion.script} logger), and {@code XML}/{@code XMLList}
 * stand-ins that make E4X literals evaluate to their markup as a string. Thread-safe: stateless.
 */
final class ScriptGlobals {

    private static final Logger SCRIPT_LOG = LoggerFactory.getLogger(RhinoRuntime.LOGGER);

    private ScriptGlobals() {}

    static void define(ScriptableObject global) {
        LambdaFunction print = new LambdaFunction(global, "print", 1, (cx, scope, thisObj, args) -> {
            logLine(cx, args);
            return Context.getUndefinedValue();
        });
        global.defineProperty("print", print, ScriptableObject.DONTENUM);
        global.defineProperty("log", new LambdaFunction(global, "log", 1, (cx, scope, thisObj, args) -> {
            logLine(cx, args);
            return Context.getUndefinedValue();
        }), ScriptableObject.DONTENUM);
        global.defineProperty("XML", new MarkupFunction("XML", global), ScriptableObject.DONTENUM);
        global.defineProperty("XMLList", new MarkupFunction("XMLList", global), ScriptableObject.DONTENUM);
    }

    private static void logLine(Context cx, Object[] args) {
        if (!SCRIPT_LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(JsValues.toDisplayString(cx, args[i]));
        }
        String where = "";
        if (cx instanceof RhinoRuntime.SandboxContext sc && sc.running != null) {
            var src = sc.running.source();
            where = src.origin() != null ? src.origin() + ": " : src.name() + ": ";
        }
        SCRIPT_LOG.info("{}{}", where, sb);
    }

    /**
     * {@code XML(text)} / {@code new XML(text)}: the text itself (a string object when constructed).
     * Rhino compiles an E4X literal to {@code new XML("<markup/>")}, so literals become strings.
     */
    private static final class MarkupFunction extends BaseFunction {
        private static final long serialVersionUID = 1L;
        private final String name;

        MarkupFunction(String name, Scriptable scope) {
            this.name = name;
            org.mozilla.javascript.ScriptRuntime.setFunctionProtoAndParent(this, scope);
        }

        @Override
        public String getFunctionName() {
            return name;
        }

        @Override
        public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
            return args.length == 0 ? "" : Context.toString(args[0]);
        }

        @Override
        public Scriptable construct(Context cx, Scriptable scope, Object[] args) {
            return cx.newObject(ScriptableObject.getTopLevelScope(scope), "String",
                    new Object[] {call(cx, scope, null, args)});
        }
    }
}
