package io.ganglion.engine.mediator.script;

import org.mozilla.javascript.Script;

/**
 * A script compiled once by {@link RhinoRuntime#compile}; runs on any thread, any number of times
 * at once (each run gets its own scope). Thread-safe: Rhino's compiled scripts hold no run state.
 *
 * @param source the text and where it came from
 * @param sourceName the unique name Rhino knows it by (to tell which script an error is in)
 * @param script the compiled form
 */
public record CompiledScript(ScriptSource source, String sourceName, Script script) {}
