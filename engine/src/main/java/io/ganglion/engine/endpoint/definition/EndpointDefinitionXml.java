package io.ganglion.engine.endpoint.definition;

import io.ganglion.engine.endpoint.definition.EndpointDefinition.Addressing;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.MarkForSuspension;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.Optimize;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.RetryConfig;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.Security;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.SuspendOnFailure;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.Timeout;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.TimeoutAction;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes the QoS part of a leaf endpoint's type element (see {@link EndpointDefinition}
 * for the syntax). Thread-safe: stateless.
 */
public final class EndpointDefinitionXml {

    private static final Set<String> CHILDREN = Set.of("enableAddressing", "enableSec", "timeout", "markForSuspension",
            "suspendOnFailure", "suspendDurationOnFailure", "retryConfig");

    private EndpointDefinitionXml() {}

    /** Reads the QoS attributes and children of {@code type} (e.g. {@code <address>}). */
    public static EndpointDefinition read(OMElement type, ReadContext ctx) {
        return read(type, ctx, Set.of());
    }

    /**
     * Reads the QoS attributes and children of {@code type}, allowing the type's own children
     * {@code extra} (read by the type itself, e.g. {@code authentication} in {@code <http>}).
     * Elements outside the Synapse namespace are allowed only when {@code extra} contains "*".
     */
    public static EndpointDefinition read(OMElement type, ReadContext ctx, Set<String> extra) {
        for (OMElement c : ReadContext.children(type)) {
            if (!ReadContext.isSynapse(c) && extra.contains("*")) {
                continue;
            }
            boolean known = CHILDREN.contains(c.getLocalName()) || extra.contains(c.getLocalName());
            if (!ReadContext.isSynapse(c) || !known) {
                java.util.TreeSet<String> all = new java.util.TreeSet<>(CHILDREN);
                extra.stream().filter(x -> !x.equals("*")).forEach(all::add);
                throw ctx.error(c, "<" + c.getLocalName() + "> is not supported inside <" + type.getLocalName()
                        + ">; expected " + String.join(", ", all));
            }
        }
        return new EndpointDefinition(
                format(type, ctx),
                optimize(type, ctx),
                ctx.attribute(type, "encoding"),
                toggle(type, "statistics", ctx),
                toggle(type, "trace", ctx),
                addressing(ReadContext.child(type, "enableAddressing"), ctx),
                security(ReadContext.child(type, "enableSec"), ctx),
                timeout(ReadContext.child(type, "timeout"), ctx),
                markForSuspension(ReadContext.child(type, "markForSuspension"), ctx),
                suspendOnFailure(ReadContext.child(type, "suspendOnFailure"), ctx),
                number(ReadContext.child(type, "suspendDurationOnFailure"), ctx),
                retryConfig(ReadContext.child(type, "retryConfig"), ctx));
    }

    private static Format format(OMElement type, ReadContext ctx) {
        String v = ctx.attribute(type, "format");
        if (v == null) {
            return null;
        }
        Format f = Format.fromXml(v);
        if (f == null) {
            throw ctx.error(type, "attribute 'format' of <" + type.getLocalName() + "> must be one of "
                    + Format.choices() + ", not '" + v + "'");
        }
        return f;
    }

    private static Optimize optimize(OMElement type, ReadContext ctx) {
        String v = ctx.attribute(type, "optimize");
        if (v == null) {
            return null;
        }
        for (Optimize o : Optimize.values()) {
            if (o.xmlName().equalsIgnoreCase(v.trim())) {
                return o;
            }
        }
        throw ctx.error(type, "attribute 'optimize' must be mtom or swa, not '" + v + "'");
    }

    private static Boolean toggle(OMElement el, String name, ReadContext ctx) {
        String v = ctx.attribute(el, name);
        if (v == null) {
            return null;
        }
        if (v.trim().equals("enable")) {
            return true;
        }
        if (v.trim().equals("disable")) {
            return false;
        }
        throw ctx.error(el, "attribute '" + name + "' must be enable or disable, not '" + v + "'");
    }

    private static Addressing addressing(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        String version = ctx.attribute(el, "version");
        if (version != null && !version.trim().toLowerCase(Locale.ROOT).matches("final|submission")) {
            throw ctx.error(el, "attribute 'version' of <enableAddressing> must be final or submission, not '"
                    + version + "'");
        }
        Boolean separate = ctx.attribute(el, "separateListener") == null ? null
                : ctx.booleanAttribute(el, "separateListener", false);
        return new Addressing(version == null ? null : version.trim(), separate);
    }

    private static Security security(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        return new Security(ctx.attribute(el, "policy"), ctx.attribute(el, "inboundPolicy"),
                ctx.attribute(el, "outboundPolicy"));
    }

    private static Timeout timeout(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        Long duration = number(ReadContext.child(el, "duration"), ctx);
        OMElement actionEl = ReadContext.child(el, "responseAction");
        TimeoutAction action = null;
        if (actionEl != null) {
            String a = ReadContext.text(actionEl);
            for (TimeoutAction t : TimeoutAction.values()) {
                if (t.xmlName().equalsIgnoreCase(a)) {
                    action = t;
                }
            }
            if (action == null) {
                throw ctx.error(actionEl, "<responseAction> must be fault, discard or never, not '" + a + "'");
            }
        }
        return new Timeout(duration, action);
    }

    private static MarkForSuspension markForSuspension(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        Long retries = number(ReadContext.child(el, "retriesBeforeSuspension"), ctx);
        if (retries != null && retries > Integer.MAX_VALUE) {
            throw ctx.error(ReadContext.child(el, "retriesBeforeSuspension"), "<retriesBeforeSuspension> is too large");
        }
        return new MarkForSuspension(codes(ReadContext.child(el, "errorCodes"), ctx),
                retries == null ? null : retries.intValue(), number(ReadContext.child(el, "retryDelay"), ctx));
    }

    private static SuspendOnFailure suspendOnFailure(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        OMElement factorEl = ReadContext.child(el, "progressionFactor");
        Double factor = null;
        if (factorEl != null) {
            try {
                factor = Double.valueOf(ReadContext.text(factorEl));
            } catch (NumberFormatException e) {
                factor = Double.NaN;
            }
            if (factor.isNaN() || factor.isInfinite() || factor < 0) {
                throw ctx.error(factorEl, "<progressionFactor> must be a non-negative number, not '"
                        + ReadContext.text(factorEl) + "'");
            }
        }
        // initialDuration may be negative: Synapse (and WSO2 API-M) use -1 for "the default, 30 s".
        return new SuspendOnFailure(codes(ReadContext.child(el, "errorCodes"), ctx),
                signedNumber(ReadContext.child(el, "initialDuration"), ctx), factor,
                signedNumber(ReadContext.child(el, "maximumDuration"), ctx));
    }

    private static RetryConfig retryConfig(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        OMElement disabled = ReadContext.child(el, "disabledErrorCodes");
        OMElement enabled = ReadContext.child(el, "enabledErrorCodes");
        if (disabled != null && enabled != null) {
            throw ctx.error(enabled, "<retryConfig> takes <disabledErrorCodes> or <enabledErrorCodes>, not both");
        }
        return new RetryConfig(codes(disabled, ctx), codes(enabled, ctx));
    }

    /** A comma (or space) separated list of error codes; null when the element is absent. */
    private static List<Integer> codes(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        String text = ReadContext.text(el);
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty())
                    .map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw ctx.error(el, "<" + el.getLocalName() + "> must list error codes as numbers separated by commas, not '"
                    + text + "'");
        }
    }

    private static Long number(OMElement el, ReadContext ctx) {
        Long n = signedNumber(el, ctx);
        if (n != null && n < 0) {
            throw ctx.error(el, "<" + el.getLocalName() + "> must not be negative, not '" + n + "'");
        }
        return n;
    }

    private static Long signedNumber(OMElement el, ReadContext ctx) {
        if (el == null) {
            return null;
        }
        String text = ReadContext.text(el);
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw ctx.error(el, "<" + el.getLocalName() + "> must be a whole number, not '" + text + "'");
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes the definition's attributes and children onto {@code type}. */
    public static void write(EndpointDefinition d, OMElement type, WriteContext ctx) {
        ctx.attribute(type, "format", d.format() == null ? null : d.format().xmlName());
        ctx.attribute(type, "optimize", d.optimize() == null ? null : d.optimize().xmlName());
        ctx.attribute(type, "encoding", d.encoding());
        ctx.attribute(type, "statistics", toggle(d.statistics()));
        ctx.attribute(type, "trace", toggle(d.trace()));
        if (d.addressing() != null) {
            OMElement a = ctx.element("enableAddressing", type);
            ctx.attribute(a, "version", d.addressing().version());
            ctx.attribute(a, "separateListener", d.addressing().separateListener());
        }
        if (d.security() != null) {
            OMElement s = ctx.element("enableSec", type);
            ctx.attribute(s, "policy", d.security().policy());
            ctx.attribute(s, "inboundPolicy", d.security().inboundPolicy());
            ctx.attribute(s, "outboundPolicy", d.security().outboundPolicy());
        }
        if (d.timeout() != null) {
            OMElement t = ctx.element("timeout", type);
            text(ctx, t, "duration", d.timeout().durationMs());
            text(ctx, t, "responseAction", d.timeout().action() == null ? null : d.timeout().action().xmlName());
        }
        if (d.markForSuspension() != null) {
            MarkForSuspension m = d.markForSuspension();
            OMElement e = ctx.element("markForSuspension", type);
            text(ctx, e, "errorCodes", codes(m.errorCodes()));
            text(ctx, e, "retriesBeforeSuspension", m.retriesBeforeSuspension());
            text(ctx, e, "retryDelay", m.retryDelayMs());
        }
        if (d.suspendOnFailure() != null) {
            SuspendOnFailure s = d.suspendOnFailure();
            OMElement e = ctx.element("suspendOnFailure", type);
            text(ctx, e, "errorCodes", codes(s.errorCodes()));
            text(ctx, e, "initialDuration", s.initialDurationMs());
            text(ctx, e, "progressionFactor", s.progressionFactor());
            text(ctx, e, "maximumDuration", s.maximumDurationMs());
        }
        text(ctx, type, "suspendDurationOnFailure", d.suspendDurationOnFailureSeconds());
        if (d.retryConfig() != null) {
            OMElement r = ctx.element("retryConfig", type);
            text(ctx, r, "disabledErrorCodes", codes(d.retryConfig().disabledErrorCodes()));
            text(ctx, r, "enabledErrorCodes", codes(d.retryConfig().enabledErrorCodes()));
        }
    }

    private static String toggle(Boolean b) {
        return b == null ? null : b ? "enable" : "disable";
    }

    private static String codes(List<Integer> codes) {
        return codes == null ? null : codes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static void text(WriteContext ctx, OMElement parent, String name, Object value) {
        if (value != null) {
            OMElement e = ctx.element(name, parent);
            String s = String.valueOf(value);
            if (!s.isEmpty()) {
                e.setText(s);
            }
        }
    }
}
