package io.ganglion.engine.testing;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.MediatorRegistry;
import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/**
 * Tiny stand-ins for {@code <log [level]/>} and {@code <send [receive]><endpoint key/>?</send>} so
 * configuration tests do not depend on the real mediators. Thread-safe: immutable.
 */
public final class StandInMediators {

    private StandInMediators() {}

    /** A registry holding only the stand-ins. */
    public static MediatorRegistry registry() {
        return new MediatorRegistry(List.of(new LogXml(), new SendXml()));
    }

    /** Stands in for the log mediator. */
    public record Log(String level) implements Mediator {
        @Override
        public boolean mediate(MessageContext ctx) {
            return true;
        }
    }

    /** Stands in for the send mediator; an endpoint key is recorded as a reference. */
    public record Send(String endpointKey, String receive) implements Mediator {
        @Override
        public boolean mediate(MessageContext ctx) {
            return false;
        }
    }

    static final class LogXml implements MediatorXml<Log> {
        @Override
        public QName element() {
            return SynapseNs.q("log");
        }

        @Override
        public Class<Log> type() {
            return Log.class;
        }

        @Override
        public Log read(OMElement element, ReadContext ctx) {
            String level = ctx.attribute(element, "level");
            if (level != null && !List.of("simple", "full", "headers", "custom").contains(level)) {
                throw ctx.error(element, "attribute 'level' must be simple, full, headers or custom, not '"
                        + level + "'");
            }
            return new Log(level);
        }

        @Override
        public OMElement write(Log m, WriteContext ctx) {
            OMElement el = ctx.element("log");
            ctx.attribute(el, "level", m.level());
            return el;
        }
    }

    static final class SendXml implements MediatorXml<Send> {
        @Override
        public QName element() {
            return SynapseNs.q("send");
        }

        @Override
        public Class<Send> type() {
            return Send.class;
        }

        @Override
        public Send read(OMElement element, ReadContext ctx) {
            OMElement ep = ReadContext.child(element, "endpoint");
            String key = ep == null ? null : ctx.requiredAttribute(ep, "key");
            if (key != null) {
                ctx.reference(ReadContext.ReferenceKind.ENDPOINT, key, ep);
            }
            String receive = ctx.attribute(element, "receive");
            if (receive != null) {
                ctx.reference(ReadContext.ReferenceKind.SEQUENCE, receive, element);
            }
            return new Send(key, receive);
        }

        @Override
        public OMElement write(Send m, WriteContext ctx) {
            OMElement el = ctx.element("send");
            ctx.attribute(el, "receive", m.receive());
            if (m.endpointKey() != null) {
                ctx.attribute(ctx.element("endpoint", el), "key", m.endpointKey());
            }
            return el;
        }
    }
}
