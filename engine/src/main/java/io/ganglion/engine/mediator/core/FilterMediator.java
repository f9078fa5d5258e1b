package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xpath.SynapseXPath;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Runs one branch or the other on a condition: a regex fully matching the string value of
 * {@code source}, or the boolean value of {@code xpath}.
 *
 * <pre>{@code
 * <filter (source="xpath" regex="re" | xpath="boolean xpath")>
 *   mediator*
 * </filter>
 * <filter (source="xpath" regex="re" | xpath="boolean xpath")>
 *   <then [sequence="key"]>mediator*</then>
 *   <else [sequence="key"]>mediator*</else>?
 * </filter>
 * }</pre>
 *
 * <p>Branches are list mediators (or sequence references), so a {@code call} inside one pauses and
 * resumes the whole flow. With no else branch a false condition continues the flow.
 * Thread-safe: immutable.
 */
public final class FilterMediator implements Mediator {

    private final SynapseXPath source;
    private final Pattern regex;
    private final SynapseXPath xpath;
    private final Mediator thenBranch;
    private final Mediator elseBranch;
    private final boolean thenElse;

    /**
     * @param source with {@code regex}: the value to match; null when {@code xpath} is used
     * @param regex the regex {@code source} must fully match, or null
     * @param xpath the boolean condition, or null when {@code source} and {@code regex} are used
     * @param thenBranch runs when the condition holds
     * @param elseBranch runs when it does not; may be null
     * @param thenElse true when written with {@code <then>}/{@code <else>} elements
     */
    public FilterMediator(SynapseXPath source, Pattern regex, SynapseXPath xpath, Mediator thenBranch,
            Mediator elseBranch, boolean thenElse) {
        if ((xpath == null) == (source == null || regex == null)) {
            throw new IllegalArgumentException("give either xpath, or source and regex");
        }
        this.source = source;
        this.regex = regex;
        this.xpath = xpath;
        this.thenBranch = Objects.requireNonNull(thenBranch, "thenBranch");
        this.elseBranch = elseBranch;
        this.thenElse = thenElse || elseBranch != null;
    }

    public SynapseXPath source() {
        return source;
    }

    public Pattern regex() {
        return regex;
    }

    public SynapseXPath xpath() {
        return xpath;
    }

    public Mediator thenBranch() {
        return thenBranch;
    }

    /** The else branch, or null. */
    public Mediator elseBranch() {
        return elseBranch;
    }

    /** True when written with {@code <then>}/{@code <else>}. */
    public boolean isThenElse() {
        return thenElse;
    }

    /** Evaluates the condition for a message. */
    public boolean test(MessageContext ctx) {
        return xpath != null ? xpath.booleanValueOf(ctx) : regex.matcher(source.stringValueOf(ctx)).matches();
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        if (test(ctx)) {
            return thenBranch.mediate(ctx);
        }
        return elseBranch == null || elseBranch.mediate(ctx);
    }

    @Override
    public boolean readsBody() {
        return (xpath != null ? xpath.readsBody() : source.readsBody()) || thenBranch.readsBody()
                || (elseBranch != null && elseBranch.readsBody());
    }
}
