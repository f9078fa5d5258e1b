package io.ganglion.engine.xpath;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.message.format.MessageFormatter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.SimpleDateFormat;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jaxen.Context;
import org.jaxen.Function;
import org.jaxen.FunctionCallException;

/**
 * {@code get-property([scope,] name [, dateFormat])}: a property of the message from one of
 * Synapse's scopes (default/synapse, axis2, axis2-client, transport, system, registry, func), or
 * one of the default scope's special names (To, From, Action, FaultTo, ReplyTo, MessageID,
 * RelatesTo, FAULT, MESSAGE_FORMAT, SYSTEM_DATE, SYSTEM_TIME, SERVER_IP, SERVER_HOST).
 * A missing property is the empty string. Thread-safe: stateless.
 */
final class GetPropertyFunction implements Function {

    static final GetPropertyFunction INSTANCE = new GetPropertyFunction();

    /** SimpleDateFormat patterns, as Synapse takes them; the default is ISO 8601 with an offset. */
    static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private GetPropertyFunction() {}

    @Override
    public Object call(Context context, @SuppressWarnings("rawtypes") List args) throws FunctionCallException {
        SynapseFunctions.arity("get-property", args, 1, 3);
        if (!(context.getContextSupport() instanceof MessageContextSupport support)) {
            throw new FunctionCallException("get-property() needs a message to evaluate against");
        }
        MessageContext mc = support.message();
        String first = SynapseFunctions.string(args.get(0), context);
        if (args.size() == 1) {
            return defaultScope(mc, first, null);
        }
        String second = SynapseFunctions.string(args.get(1), context);
        Scope scope = Scope.fromXml(first);
        if (args.size() == 2) {
            return scope == null ? defaultScope(mc, first, second) : lookup(mc, scope, second, null);
        }
        String format = SynapseFunctions.string(args.get(2), context);
        return scope == null ? "" : lookup(mc, scope, second, format);
    }

    private static Object lookup(MessageContext mc, Scope scope, String name, String format) {
        if (scope == Scope.DEFAULT) {
            return defaultScope(mc, name, format);
        }
        return XPathValues.of(mc.getProperty(scope, name));
    }

    private static Object defaultScope(MessageContext mc, String name, String format) {
        switch (name) {
            case "To":
                return nonNull(mc.getTo());
            case "From":
                return nonNull(mc.getFrom());
            case "Action":
                return nonNull(mc.getSoapAction());
            case "FaultTo":
                return nonNull(mc.getFaultTo());
            case "ReplyTo":
                return nonNull(mc.getReplyTo());
            case "MessageID":
                return nonNull(mc.getMessageId());
            case "RelatesTo":
                return nonNull(mc.getRelatesTo());
            case "FAULT":
                return mc.isFaultResponse() || (mc.payload().isBuilt() && mc.payload().envelope().hasFault());
            case "MESSAGE_FORMAT":
                return MessageFormatter.messageFormat(mc);
            case "SYSTEM_DATE":
                return systemDate(clock(mc), format);
            case "SYSTEM_TIME":
                return Long.toString(clock(mc).millis());
            case "SERVER_IP":
                return LocalHost.IP;
            case "SERVER_HOST":
                return LocalHost.NAME;
            default:
                return XPathValues.of(mc.getProperty(name));
        }
    }

    private static String systemDate(Clock clock, String format) {
        String pattern = format == null || format.isEmpty() ? DEFAULT_DATE_FORMAT : format;
        SimpleDateFormat f;
        try {
            f = new SimpleDateFormat(pattern, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            f = new SimpleDateFormat(DEFAULT_DATE_FORMAT, Locale.ROOT);
        }
        f.setTimeZone(TimeZone.getTimeZone(clock.getZone()));
        return f.format(new Date(clock.millis()));
    }

    private static Clock clock(MessageContext mc) {
        return mc.runtime() == null ? Clock.systemDefaultZone() : mc.runtime().clock();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** This host's address and name, looked up once (the lookup may touch DNS). */
    private static final class LocalHost {
        static final String IP;
        static final String NAME;

        static {
            String ip;
            String name;
            try {
                InetAddress a = InetAddress.getLocalHost();
                ip = a.getHostAddress();
                name = a.getHostName();
            } catch (UnknownHostException e) {
                ip = "127.0.0.1";
                name = "localhost";
            }
            IP = ip;
            NAME = name;
        }

        private LocalHost() {}
    }
}
