package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Runs the first case whose regex fully matches the string value of {@code source}, else the
 * default case.
 *
 * <pre>{@code
 * <switch source="xpath">
 *   <case regex="re">mediator*</case>+
 *   <default>mediator*</default>?
 * </switch>
 * }</pre>
 *
 * <p>With no matching case and no default the flow continues. Thread-safe: immutable.
 */
public final class SwitchMediator implements Mediator {

    /**
     * One {@code <case>}.
     *
     * @param regex the pattern the source value must fully match
     * @param mediators what runs when it does
     */
    public record Case(Pattern regex, ListMediator mediators) {
        public Case {
            Objects.requireNonNull(regex, "regex");
            Objects.requireNonNull(mediators, "mediators");
        }
    }

    private final SynapseXPath source;
    private final List<Case> cases;
    private final ListMediator defaultCase;

    public SwitchMediator(SynapseXPath source, List<Case> cases, ListMediator defaultCase) {
        this.source = Objects.requireNonNull(source, "source");
        this.cases = List.copyOf(cases);
        this.defaultCase = defaultCase;
    }

    public SynapseXPath source() {
        return source;
    }

    public List<Case> cases() {
        return cases;
    }

    /** The default case, or null. */
    public ListMediator defaultCase() {
        return defaultCase;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        String value = source.stringValueOf(ctx);
        for (Case c : cases) {
            if (c.regex().matcher(value).matches()) {
                return c.mediators().mediate(ctx);
            }
        }
        return defaultCase == null || defaultCase.mediate(ctx);
    }

    @Override
    public boolean readsBody() {
        return source.readsBody() || cases.stream().anyMatch(c -> c.mediators().readsBody())
                || (defaultCase != null && defaultCase.readsBody());
    }
}
