package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertErrorAtLine;
import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogMediatorTest {

    private final MediationHarness harness = new MediationHarness();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LogMediator.LOGGER);

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    private MessageContext order() {
        return harness.request("application/xml", "<order><id>42</id></order>");
    }

    private ILoggingEvent logOnce(String xml, MessageContext ctx) {
        Mediator m = read(xml);
        assertTrue(m.mediate(ctx));
        assertEquals(1, appender.list.size());
        return appender.list.get(0);
    }

    @Test
    void simpleLogsAddressingFieldsAndDirection() {
        MessageContext ctx = order();
        ctx.setSoapAction("urn:buy");
        ILoggingEvent e = logOnce("<log><property name=\"greeting\" value=\"hello\"/></log>", ctx);
        String line = e.getFormattedMessage();
        assertEquals(Level.INFO, e.getLevel());
        assertTrue(line.startsWith("To: /, WSAction: urn:buy, SOAPAction: urn:buy, MessageID: urn:uuid:"), line);
        assertTrue(line.endsWith(", Direction: request, greeting = hello"), line);
    }

    @Test
    void customLogsOnlyPropertiesWithSeparatorAndCategory() {
        ILoggingEvent e = logOnce("<log level=\"custom\" separator=\" | \" category=\"WARN\">"
                + "<property name=\"a\" value=\"1\"/><property name=\"id\" expression=\"//order/id\"/></log>", order());
        assertEquals("a = 1 | id = 42", e.getFormattedMessage());
        assertEquals(Level.WARN, e.getLevel());
    }

    @Test
    void fatalLogsAsError() {
        assertEquals(Level.ERROR, logOnce("<log category=\"FATAL\"/>", order()).getLevel());
    }

    @Test
    void headersAddsTransportHeaders() {
        MessageContext ctx = order();
        ctx.headers().set("X-Trace", "t1");
        String line = logOnce("<log level=\"headers\"/>", ctx).getFormattedMessage();
        assertTrue(line.contains(", X-Trace : t1"), line);
        assertTrue(line.contains("Direction: request"), line);
    }

    @Test
    void fullAddsTheEnvelope() {
        MessageContext ctx = order();
        ctx.setResponse(true);
        String line = logOnce("<log level=\"full\"/>", ctx).getFormattedMessage();
        assertTrue(line.contains("Direction: response, Envelope: <"), line);
        assertTrue(line.contains("<order><id>42</id></order>"), line);
    }

    @Test
    void disabledCategoryLogsNothing() {
        logger.setLevel(Level.INFO);
        assertTrue(read("<log category=\"DEBUG\"/>").mediate(order()));
        assertTrue(appender.list.isEmpty());
    }

    @Test
    void readsBodyOnlyWhenFullOrAnExpressionNeedsIt() {
        assertFalse(read("<log/>").readsBody());
        assertFalse(read("<log level=\"headers\"><property name=\"a\" value=\"b\"/></log>").readsBody());
        assertTrue(read("<log level=\"full\"/>").readsBody());
        assertTrue(read("<log><property name=\"id\" expression=\"//id\"/></log>").readsBody());
    }

    @Test
    void roundTrips() {
        assertRoundTrip("<log/>");
        assertRoundTrip("<log level=\"full\" category=\"DEBUG\"/>");
        assertRoundTrip("<log level=\"custom\" separator=\"|\"><property name=\"a\" value=\"1\"/>"
                + "<property xmlns:m=\"urn:m\" name=\"b\" expression=\"//m:order/m:id\"/></log>");
    }

    @Test
    void badInputIsLocated() {
        assertErrorAtLine("<log level=\"loud\">\n  <property name=\"a\" value=\"1\"/>\n</log>", 1);
        assertErrorAtLine("<log>\n  <property value=\"1\"/>\n</log>", 2);
        assertErrorAtLine("<log>\n\n  <property name=\"a\" expression=\"//[\"/>\n</log>", 3);
        assertErrorAtLine("<log>\n  <property name=\"a\" value=\"1\" expression=\"//a\"/>\n</log>", 2);
        assertErrorAtLine("<log>\n  <log/>\n</log>", 2);
    }
}
