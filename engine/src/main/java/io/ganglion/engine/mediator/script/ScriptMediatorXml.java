package io.ganglion.engine.mediator.script;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Location;
import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes {@code <script>}; see {@link ScriptMediator}. Inline scripts are compiled here,
 * so a syntax error is reported at its line and column in the configuration file.
 * Thread-safe: stateless (the runtime is thread-safe).
 */
public final class ScriptMediatorXml implements MediatorXml<ScriptMediator> {

    /** Language names Synapse and WSO2 use for JavaScript; all run on Rhino. */
    private static final Set<String> JAVASCRIPT = Set.of("js", "javascript", "rhinojs", "nashornjs", "graaljs");

    private final Supplier<RhinoRuntime> runtime;

    /** Compiles with the shared runtime (settings from system properties), started on first use. */
    public ScriptMediatorXml() {
        this.runtime = RhinoRuntime::shared;
    }

    public ScriptMediatorXml(RhinoRuntime runtime) {
        this.runtime = () -> runtime;
    }

    @Override
    public QName element() {
        return SynapseNs.q("script");
    }

    @Override
    public Class<ScriptMediator> type() {
        return ScriptMediator.class;
    }

    @Override
    public ScriptMediator read(OMElement el, ReadContext ctx) {
        String language = language(el, ctx);
        String keyAttr = ctx.attribute(el, "key");
        String function = ctx.attribute(el, "function");
        if (function != null && !function.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw ctx.error(el, "attribute 'function' must name a JavaScript function, not '" + function + "'");
        }
        List<String> includes = new ArrayList<>();
        for (OMElement c : ReadContext.children(el)) {
            if (!ReadContext.isSynapse(c) || !c.getLocalName().equals("include")) {
                throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in <script>; expected <include key=\"...\"/>");
            }
            String k = ctx.requiredAttribute(c, "key");
            ctx.reference(ReadContext.ReferenceKind.LOCAL_ENTRY, k, c);
            includes.add(k);
        }
        String text = el.getText();
        ScriptMediator m;
        if (keyAttr != null) {
            if (!text.isBlank()) {
                throw ctx.error(el, "<script> has both a 'key' and an inline script; use one");
            }
            if (keyAttr.isBlank()) {
                throw ctx.error(el, "attribute 'key' of <script> is empty");
            }
            Value key = Value.read(el, keyAttr, ctx);
            if (!key.isDynamic()) {
                ctx.reference(ReadContext.ReferenceKind.LOCAL_ENTRY, key.staticText(), el);
            }
            m = ScriptMediator.keyed(language, key, function, includes, runtime.get());
        } else {
            if (text.isBlank()) {
                throw ctx.error(el, "<script> needs an inline script or a 'key' naming a local entry that holds one");
            }
            RhinoRuntime rt = runtime.get();
            m = ScriptMediator.inline(language, compileInline(el, text, ctx, rt), function, includes, rt);
        }
        if (!includes.isEmpty() || keyAttr != null) {
            ctx.linkCheck(m::link);
        }
        return m;
    }

    /** Checks {@code language} and returns it as written. */
    static String language(OMElement el, ReadContext ctx) {
        String language = ctx.requiredAttribute(el, "language");
        if (!JAVASCRIPT.contains(language.trim().toLowerCase(Locale.ROOT))) {
            throw ctx.error(el, "script language '" + language + "' is not supported; Ganglion runs JavaScript"
                    + " (language=\"js\")");
        }
        return language;
    }

    /**
     * Compiles the text of {@code el}.
     *
     * @throws ConfigException at the file line and column of the first syntax error
     */
    static CompiledScript compileInline(OMElement el, String text, ReadContext ctx, RhinoRuntime runtime) {
        Location start = ctx.document().textLocationOf(el);
        ScriptSource source = ScriptSource.inline(text, start != null ? start : ctx.location(el));
        try {
            return runtime.compile(source);
        } catch (ScriptSyntaxException e) {
            throw new ConfigException(source.locate(e.line(), e.column()), "script syntax error: " + e.getMessage(), e);
        }
    }

    @Override
    public OMElement write(ScriptMediator m, WriteContext ctx) {
        OMElement el = ctx.element("script");
        ctx.attribute(el, "language", m.language());
        ctx.attribute(el, "key", m.key());
        ctx.attribute(el, "function", m.function());
        for (String k : m.includeKeys()) {
            ctx.attribute(ctx.element("include", el), "key", k);
        }
        if (m.inlineScript() != null) {
            writeText(el, m.inlineScript().source().text(), ctx);
        }
        return el;
    }

    /** Writes script text as CDATA, so that it reads back character for character. */
    static void writeText(OMElement el, String text, WriteContext ctx) {
        if (text.contains("]]>")) {
            el.setText(text);
        } else {
            ctx.factory().createOMText(el, text, XMLStreamConstants.CDATA);
        }
    }
}
