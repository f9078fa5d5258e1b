package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the message through the SLF4J logger {@value #LOGGER}.
 *
 * <pre>{@code
 * <log [level="simple|headers|full|custom"] [separator=", "]
 *      [category="TRACE|DEBUG|INFO|WARN|ERROR|FATAL"]>
 *   <property name="n" (value="v" | expression="xpath")/>*
 * </log>
 * }</pre>
 *
 * <p>{@code simple} (the default) logs To, From, WSAction, SOAPAction, ReplyTo, MessageID and
 * Direction; {@code headers} adds the transport headers; {@code full} adds the envelope (and so
 * builds the body); {@code custom} logs only the properties, which every level appends. The category
 * is the SLF4J level ({@code FATAL} logs as error). Thread-safe: immutable.
 */
public final class LogMediator implements Mediator {

    /** The logger every log mediator writes to. */
    public static final String LOGGER = "io.ganglion.mediator.log";
    /** The separator used when none is given. */
    public static final String DEFAULT_SEPARATOR = ", ";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** How much of the message is logged. */
    public enum Level {
        SIMPLE, HEADERS, FULL, CUSTOM;

        public String xmlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The log level written with. */
    public enum Category {
        TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

        public String xmlName() {
            return name();
        }
    }

    private final Level level;
    private final String separator;
    private final Category category;
    private final List<LogProperty> properties;
    private final boolean readsBody;

    public LogMediator(Level level, String separator, Category category, List<LogProperty> properties) {
        this.level = Objects.requireNonNull(level, "level");
        this.separator = Objects.requireNonNull(separator, "separator");
        this.category = Objects.requireNonNull(category, "category");
        this.properties = List.copyOf(properties);
        this.readsBody = level == Level.FULL || this.properties.stream().anyMatch(LogProperty::readsBody);
    }

    public Level level() {
        return level;
    }

    public String separator() {
        return separator;
    }

    public Category category() {
        return category;
    }

    public List<LogProperty> properties() {
        return properties;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        if (enabled()) {
            write(message(ctx));
        }
        return true;
    }

    @Override
    public boolean readsBody() {
        return readsBody;
    }

    /** The line this mediator logs for a message. */
    String message(MessageContext ctx) {
        StringBuilder sb = new StringBuilder(128);
        if (level != Level.CUSTOM) {
            simple(ctx, sb);
        }
        if (level == Level.HEADERS) {
            for (Headers.Header h : ctx.headers()) {
                sb.append(separator).append(h.name()).append(" : ").append(h.value());
            }
        }
        if (level == Level.FULL) {
            sb.append(separator).append("Envelope: ").append(ctx.payload().envelope());
        }
        for (LogProperty p : properties) {
            if (sb.length() > 0) {
                sb.append(separator);
            }
            sb.append(p.name()).append(" = ").append(p.evaluate(ctx));
        }
        return sb.toString();
    }

    private void simple(MessageContext ctx, StringBuilder sb) {
        sb.append("To: ").append(ctx.getTo() == null ? "" : ctx.getTo());
        field(sb, "From", ctx.getFrom());
        field(sb, "WSAction", ctx.getSoapAction());
        field(sb, "SOAPAction", ctx.getSoapAction());
        field(sb, "ReplyTo", ctx.getReplyTo());
        field(sb, "MessageID", ctx.getMessageId());
        sb.append(separator).append("Direction: ").append(ctx.isResponse() ? "response" : "request");
    }

    private void field(StringBuilder sb, String label, String value) {
        if (value != null) {
            sb.append(separator).append(label).append(": ").append(value);
        }
    }

    private boolean enabled() {
        return switch (category) {
            case TRACE -> LOG.isTraceEnabled();
            case DEBUG -> LOG.isDebugEnabled();
            case INFO -> LOG.isInfoEnabled();
            case WARN -> LOG.isWarnEnabled();
            case ERROR, FATAL -> LOG.isErrorEnabled();
        };
    }

    private void write(String line) {
        switch (category) {
            case TRACE -> LOG.trace(line);
            case DEBUG -> LOG.debug(line);
            case INFO -> LOG.info(line);
            case WARN -> LOG.warn(line);
            case ERROR, FATAL -> LOG.error(line);
        }
    }
}
