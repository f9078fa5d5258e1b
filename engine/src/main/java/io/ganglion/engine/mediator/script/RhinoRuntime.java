package io.ganglion.engine.mediator.script;

import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.PayloadException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.WrapFactory;
import org.mozilla.javascript.WrappedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaScript engine (Mozilla Rhino) behind {@code <script>} and prototype implementations.
 *
 * <p>Scripts are compiled once, at load. The standard objects live in one sealed global shared by
 * every run; each run gets a fresh scope on top of it holding {@code mc}, so runs on many threads
 * never share state and need no lock. The sandbox: no {@code java}, {@code Packages} or
 * {@code importClass} unless {@link ScriptSettings#allowedJavaClasses()} opens some classes (a class
 * shutter checks every lookup), hence no file or network access; and a time budget per run,
 * checked every few thousand instructions, after which the script is stopped (JavaScript cannot
 * catch that) and the message faults.
 *
 * <p>Rhino 1.9 has no E4X: an XML literal such as {@code <r><ok/></r>} in a script (WSO2's generated
 * mocks use them) evaluates to its markup as a string, which {@code mc.setPayloadXML} accepts.
 * Thread-safe: the shared global is sealed; contexts are per thread.
 */
public final class RhinoRuntime {

    /** Logger of {@code print()} and {@code log()} calls in scripts. */
    public static final String LOGGER = "io.ganglion.script";

    private static final Logger LOG = LoggerFactory.getLogger(RhinoRuntime.class);
    private static final int OBSERVE_EVERY = 10_000;

    private static final class Shared {
        static final RhinoRuntime INSTANCE = create();

        private static RhinoRuntime create() {
            ScriptSettings s = ScriptSettings.fromSystemProperties();
            LOG.debug("script sandbox: budget {} ms, Java classes allowed: {}", s.budget().toMillis(),
                    s.allowedJavaClasses().isEmpty() ? "none" : s.allowedJavaClasses());
            return new RhinoRuntime(s);
        }
    }

    private final ScriptSettings settings;
    private final SandboxFactory factory;
    private final ScriptableObject global;
    private final Scriptable mcPrototype;
    private final AtomicLong compilations = new AtomicLong();
    private final AtomicLong names = new AtomicLong();

    public RhinoRuntime(ScriptSettings settings) {
        this.settings = settings;
        this.factory = new SandboxFactory(settings);
        try (Context cx = factory.enterContext()) {
            ScriptableObject g = settings.allowedJavaClasses().isEmpty() ? cx.initSafeStandardObjects(null, true)
                    : cx.initStandardObjects(null, true);
            ScriptGlobals.define(g);
            MarkupXmlLib.install(g);
            this.mcPrototype = McBinding.prototype(g);
            g.sealObject();
            this.global = g;
        }
    }

    /** The runtime configured by the system properties (see {@link ScriptSettings}). */
    public static RhinoRuntime shared() {
        return Shared.INSTANCE;
    }

    public ScriptSettings settings() {
        return settings;
    }

    /** How many scripts this runtime has compiled (tests check that scripts compile once). */
    public long compilations() {
        return compilations.get();
    }

    /**
     * Compiles a script.
     *
     * @throws ScriptSyntaxException with the script line and column of the first error
     */
    public CompiledScript compile(ScriptSource source) {
        String sourceName = "script-" + names.incrementAndGet();
        try (Context cx = factory.enterContext()) {
            Script script = cx.compileString(source.text(), sourceName, 1, null);
            compilations.incrementAndGet();
            return new CompiledScript(source, sourceName, script);
        } catch (EvaluatorException e) {
            throw new ScriptSyntaxException(e.details(), e.lineNumber(), e.columnNumber(), e);
        }
    }

    /**
     * Runs {@code includes}, then {@code main}, then (when given) calls {@code function(mc)}, in a
     * fresh scope with {@code mc} bound to {@code msg}.
     *
     * @return false when the script (or the function) gave {@code false}: the sequence stops
     * @throws MediationException when the script fails or overruns its budget
     */
    public boolean run(MessageContext msg, List<CompiledScript> includes, CompiledScript main, String function) {
        SandboxContext cx = (SandboxContext) factory.enterContext();
        try {
            cx.startBudget(settings.budget().toNanos());
            Scriptable scope = cx.newObject(global);
            scope.setPrototype(global);
            scope.setParentScope(null);
            ScriptMessageContext mc = new ScriptMessageContext(msg, mcPrototype, global);
            ScriptableObject.putProperty(scope, "mc", mc);
            for (CompiledScript inc : includes) {
                cx.running = inc;
                inc.script().exec(cx, scope);
            }
            cx.running = main;
            Object result = main.script().exec(cx, scope);
            if (function != null) {
                Object f = ScriptableObject.getProperty(scope, function);
                if (!(f instanceof Function fn)) {
                    throw new MediationException(main.source().name() + " defines no function '" + function + "'"
                            + at(main, 0, 0));
                }
                result = fn.call(cx, scope, scope, new Object[] {mc});
            }
            return !Boolean.FALSE.equals(result);
        } catch (BudgetExceeded e) {
            throw new MediationException("script stopped: it ran longer than its budget of "
                    + settings.budget().toMillis() + " ms" + at(cx.running, 0, 0));
        } catch (WrappedException e) {
            Throwable w = e.getWrappedException();
            if (w instanceof PayloadException pe) {
                throw pe;
            }
            throw new MediationException("script failed" + at(scriptOf(e, includes, main), e.lineNumber(), 0) + ": "
                    + w, w);
        } catch (RhinoException e) {
            throw new MediationException("script failed" + at(scriptOf(e, includes, main), e.lineNumber(),
                    e.columnNumber()) + ": " + e.details(), e);
        } catch (StackOverflowError e) {
            throw new MediationException("script stopped: too much recursion" + at(cx.running, 0, 0));
        } finally {
            cx.running = null;
            Context.exit();
        }
    }

    private static CompiledScript scriptOf(RhinoException e, List<CompiledScript> includes, CompiledScript main) {
        for (CompiledScript s : includes) {
            if (s.sourceName().equals(e.sourceName())) {
                return s;
            }
        }
        return main;
    }

    /** " at file:line:col" for a script line, or where the script is when the line is unknown. */
    private static String at(CompiledScript s, int line, int column) {
        if (s == null) {
            return "";
        }
        ScriptSource src = s.source();
        if (line <= 0) {
            return src.fallback() == null ? " (" + src.name() + ")" : " (" + src.name() + " at " + src.fallback() + ")";
        }
        if (src.origin() != null) {
            return " at " + src.locate(line, column);
        }
        return src.where(line, column) + (src.fallback() == null ? "" : " defined at " + src.fallback());
    }

    /** Thrown from the instruction observer when a run is over budget; an Error, so scripts cannot catch it. */
    static final class BudgetExceeded extends Error {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("script budget exceeded", null, false, false);
        }
    }

    /** One thread's Rhino context, with the deadline of the run in progress. */
    static final class SandboxContext extends Context {
        private long deadline;
        private boolean budgeted;
        CompiledScript running;

        SandboxContext(ContextFactory factory) {
            super(factory);
        }

        void startBudget(long nanos) {
            deadline = System.nanoTime() + nanos;
            budgeted = true;
        }

        void checkBudget() {
            if (budgeted && System.nanoTime() - deadline > 0) {
                throw new BudgetExceeded();
            }
        }
    }

    /** Makes sandboxed contexts: ES6, compiled, instruction-observed, Java classes shut unless allowed. */
    private static final class SandboxFactory extends ContextFactory {
        private final ScriptSettings settings;
        private final WrapFactory wrapFactory = new WrapFactory();

        SandboxFactory(ScriptSettings settings) {
            this.settings = settings;
            // Strings, numbers and booleans from allowed Java calls arrive as JavaScript values.
            wrapFactory.setJavaPrimitiveWrap(false);
        }

        @Override
        protected Context makeContext() {
            SandboxContext cx = new SandboxContext(this);
            cx.setLanguageVersion(Context.VERSION_ES6);
            cx.setInterpretedMode(false);
            // Also makes compiled code count instructions; scripts must be compiled by this factory.
            cx.setInstructionObserverThreshold(OBSERVE_EVERY);
            cx.setClassShutter(settings::allowsClass);
            cx.setWrapFactory(wrapFactory);
            return cx;
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            ((SandboxContext) cx).checkBudget();
        }
    }
}
