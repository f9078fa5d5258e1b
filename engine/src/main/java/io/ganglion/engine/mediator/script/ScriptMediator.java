package io.ganglion.engine.mediator.script;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.LocalEntry;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.message.MessageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs JavaScript on the message:
 *
 * <pre>{@code
 * <script language="js">inline script</script>
 * <script language="js" key="localEntryKey|{xpath}" [function="mediate"]>
 *   <include key="localEntryKey"/>*
 * </script>
 * }</pre>
 *
 * An inline script is compiled when the configuration loads; a keyed one (a local entry, possibly
 * read from a file with {@code src}) once the whole configuration is known, and again only if the
 * entry changes. Includes run first, in the same scope. A keyed script defines a function
 * ({@code mediate} by default) that is called with {@code mc}; an inline script runs as it is,
 * calling {@code function} afterwards when one is named. The sequence stops when the function
 * returns {@code false}, or an inline script's last expression is {@code false}. See
 * {@link RhinoRuntime} for the sandbox and {@link McBinding} for {@code mc}.
 * Thread-safe: immutable apart from the cache of compiled keyed scripts.
 */
public final class ScriptMediator implements Mediator {

    /** The function a keyed script must define when the mediator names none (Synapse's default). */
    public static final String DEFAULT_FUNCTION = "mediate";

    /** A compiled local entry, valid while the configuration holds that very entry. */
    private record Keyed(LocalEntry entry, CompiledScript script) {}

    private final String language;
    private final CompiledScript inline;
    private final Value key;
    private final String function;
    private final List<String> includeKeys;
    private final RhinoRuntime runtime;
    private final ConcurrentMap<String, Keyed> compiled = new ConcurrentHashMap<>();

    private ScriptMediator(String language, CompiledScript inline, Value key, String function,
            List<String> includeKeys, RhinoRuntime runtime) {
        this.language = language;
        this.inline = inline;
        this.key = key;
        this.function = function;
        this.includeKeys = List.copyOf(includeKeys);
        this.runtime = runtime;
    }

    /** A mediator running an inline script compiled by {@code runtime}. */
    public static ScriptMediator inline(String language, CompiledScript script, String function,
            List<String> includeKeys, RhinoRuntime runtime) {
        return new ScriptMediator(language, script, null, function, includeKeys, runtime);
    }

    /** A mediator running the script held by the local entry {@code key}. */
    public static ScriptMediator keyed(String language, Value key, String function, List<String> includeKeys,
            RhinoRuntime runtime) {
        return new ScriptMediator(language, null, key, function, includeKeys, runtime);
    }

    public String language() {
        return language;
    }

    /** The inline script, or null when keyed. */
    public CompiledScript inlineScript() {
        return inline;
    }

    /** The local entry key, or null when inline. */
    public Value key() {
        return key;
    }

    /** The function attribute as written, or null. */
    public String function() {
        return function;
    }

    public List<String> includeKeys() {
        return includeKeys;
    }

    @Override
    public boolean readsBody() {
        return true;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        List<CompiledScript> includes = new ArrayList<>(includeKeys.size());
        for (String k : includeKeys) {
            includes.add(entryScript(ctx.config(), k));
        }
        CompiledScript main = inline != null ? inline : entryScript(ctx.config(), key.evaluate(ctx));
        String fn = function != null ? function : inline == null ? DEFAULT_FUNCTION : null;
        return runtime.run(ctx, includes, main, fn);
    }

    /**
     * Compiles the local entries this mediator names against the loaded configuration, so that
     * messages find them compiled and syntax errors show at load.
     *
     * @throws ConfigException at the local entry, naming the script line and column of a syntax error
     */
    public void link(Configuration config) {
        List<String> keys = new ArrayList<>(includeKeys);
        if (key != null && !key.isDynamic()) {
            keys.add(key.staticText());
        }
        for (String k : keys) {
            LocalEntry entry = config.localEntry(k);
            if (entry == null) {
                continue; // reported as a dangling reference
            }
            try {
                compiledFor(k, entry);
            } catch (ScriptSyntaxException e) {
                throw new ConfigException(entry.location(), syntaxMessage(k, e), e);
            } catch (MediationException e) {
                throw new ConfigException(entry.location(), e.getMessage(), e);
            }
        }
    }

    private CompiledScript entryScript(Configuration config, String k) {
        LocalEntry entry = config.localEntry(k);
        if (entry == null) {
            throw new MediationException("script: local entry '" + k + "' is not deployed");
        }
        try {
            return compiledFor(k, entry);
        } catch (ScriptSyntaxException e) {
            throw new MediationException(syntaxMessage(k, e) + " (local entry defined at " + entry.location() + ")", e);
        }
    }

    private CompiledScript compiledFor(String k, LocalEntry entry) {
        Keyed known = compiled.get(k);
        if (known != null && known.entry() == entry) {
            return known.script();
        }
        return compiled.compute(k, (name, old) -> old != null && old.entry() == entry ? old
                : new Keyed(entry, compile(entry))).script();
    }

    private CompiledScript compile(LocalEntry entry) {
        if (entry.text() == null) {
            throw new MediationException("script: local entry '" + entry.key() + "' holds XML, not a script");
        }
        return runtime.compile(ScriptSource.localEntry(entry.key(), entry.text(), entry.location()));
    }

    private static String syntaxMessage(String k, ScriptSyntaxException e) {
        return "script in local entry '" + k + "' has a syntax error at line " + e.line() + ", column " + e.column()
                + ": " + e.getMessage();
    }
}
