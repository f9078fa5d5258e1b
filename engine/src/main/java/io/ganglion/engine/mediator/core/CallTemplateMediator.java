package io.ganglion.engine.mediator.core;

import io.ganglion.engine.config.Location;
import io.ganglion.engine.config.SequenceTemplate;
import io.ganglion.engine.mediator.Continuation;
import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.message.MessageContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a sequence template with parameters.
 *
 * <pre>{@code
 * <call-template target="templateName">
 *   <with-param name="p" value="literal | {xpath}"/>*
 * </call-template>
 * }</pre>
 *
 * <p>Parameter values in braces are evaluated in the caller's context, before the template runs.
 * The template's declared parameters are then visible to its body as {@code $func:p} /
 * {@code get-property('func', 'p')}: the given value, else the declared default; a missing
 * mandatory parameter is a mediation error. Values for undeclared names are dropped, as in Synapse.
 * The parameters are popped when the body ends, also when it ends after a {@code call} resumed it.
 * Thread-safe: immutable.
 */
public final class CallTemplateMediator implements Mediator {

    /** Pops the parameters when a body paused by {@code call} has finished. */
    private static final ListMediator POP_PARAMS = new PopParams();

    private final String target;
    private final Map<String, Value> params;
    private final Location location;

    /**
     * @param target the template name
     * @param params parameter values by name, in written order
     * @param location where the mediator was written, or null
     */
    public CallTemplateMediator(String target, Map<String, Value> params, Location location) {
        this.target = Objects.requireNonNull(target, "target");
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.location = location;
    }

    public String target() {
        return target;
    }

    /** Parameter values by name, in written order. */
    public Map<String, Value> params() {
        return params;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        SequenceTemplate template = ctx.config().template(target);
        if (template == null) {
            throw new MediationException("template '" + target + "' is not deployed"
                    + (location == null ? "" : " (referenced at " + location + ")"));
        }
        Map<String, Object> values = evaluate(template.parameters(), ctx);
        ctx.pushTemplateParams(values);
        boolean suspended = false;
        try {
            boolean result = template.body().mediate(ctx);
            suspended = ctx.isSuspended();
            if (suspended) {
                ctx.addContinuation(new Continuation(POP_PARAMS, 0));
            }
            return result;
        } finally {
            if (!suspended) {
                ctx.popTemplateParams();
            }
        }
    }

    private Map<String, Object> evaluate(List<SequenceTemplate.Parameter> declared, MessageContext ctx) {
        Map<String, Object> values = new HashMap<>();
        for (SequenceTemplate.Parameter p : declared) {
            Value given = params.get(p.name());
            if (given != null) {
                values.put(p.name(), given.evaluate(ctx));
            } else if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            } else if (p.mandatory()) {
                throw new MediationException("template '" + target + "' needs the parameter '" + p.name() + "'"
                        + (location == null ? "" : " (call-template at " + location + ")"));
            }
        }
        return values;
    }

    @Override
    public boolean readsBody() {
        // As for SequenceReference: the template's body reads the message on demand if it needs it.
        for (Value v : params.values()) {
            if (v.readsBody()) {
                return true;
            }
        }
        return false;
    }

    /** A childless list whose only job is to pop the parameters when resumed. */
    private static final class PopParams extends ListMediator {
        PopParams() {
            super(List.of());
        }

        @Override
        public boolean resume(MessageContext ctx, int index) {
            ctx.popTemplateParams();
            return true;
        }
    }
}
