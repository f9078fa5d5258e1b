package io.ganglion.engine.mediator.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.testing.MediationHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** Every {@code mc} method, on JSON and on XML messages, through real script runs. */
class ScriptMessageContextTest {

    private static final RhinoRuntime RUNTIME = Scripts.runtime();

    private final MediationHarness harness = new MediationHarness();

    private MessageContext json(String body) {
        return harness.request("application/json", body);
    }

    private MessageContext xml(String body) {
        return harness.request("application/xml", body);
    }

    private static boolean run(MessageContext ctx, String js) {
        return Scripts.inline(RUNTIME, js).mediate(ctx);
    }

    // ---- JSON payloads ----

    @Test
    void getPayloadJsonGivesJavaScriptValuesNotText() {
        MessageContext ctx = json("{\"order\":{\"id\":7,\"items\":[\"a\",\"b\"],\"paid\":true}}");
        run(ctx, "var p = mc.getPayloadJSON();"
                + "mc.setProperty('kind', typeof p);"
                + "mc.setProperty('count', p.order.items.length);"
                + "mc.setProperty('paid', p.order.paid === true);"
                + "mc.setProperty('id', p.order.id + 1);");
        assertEquals("object", ctx.getProperty("kind"));
        assertEquals(2, ctx.getProperty("count"));
        assertEquals(Boolean.TRUE, ctx.getProperty("paid"));
        assertEquals(8, ctx.getProperty("id"));
    }

    @Test
    void setPayloadJsonTakesObjectsArraysAndJsonText() {
        MessageContext ctx = json("{\"a\":1}");
        run(ctx, "var p = mc.getPayloadJSON(); p.b = [1, {c: 'x'}]; mc.setPayloadJSON(p);");
        assertEquals("{\"a\":1,\"b\":[1,{\"c\":\"x\"}]}", Scripts.wire(ctx));

        run(ctx, "mc.setPayloadJSON([1, 2, 3]);");
        assertEquals("[1,2,3]", Scripts.wire(ctx));

        run(ctx, "mc.setPayloadJSON('{\"text\":\"as JSON text\"}');");
        assertEquals("{\"text\":\"as JSON text\"}", Scripts.wire(ctx));
        assertTrue(Scripts.wireType(ctx).startsWith("application/json"));
    }

    @Test
    void setPayloadJsonRejectsWhatIsNotJson() {
        MessageContext ctx = json("{}");
        MediationException e = assertThrows(MediationException.class, () -> run(ctx, "mc.setPayloadJSON('{oops');"));
        assertTrue(e.getMessage().contains("setPayloadJSON"), e.getMessage());
        assertTrue(run(ctx, "try { mc.setPayloadJSON(function() {}); false } catch (e) { e instanceof TypeError }"));
    }

    @Test
    void jsonTextAndPayloadTextAndXmlViewOfJson() {
        MessageContext ctx = json("{\"a\":[1,2]}");
        run(ctx, "mc.setProperty('json', mc.getJsonText()); mc.setProperty('text', mc.getPayloadText());"
                + "mc.setProperty('xml', mc.getPayloadXML());");
        assertEquals("{\"a\":[1,2]}", ctx.getProperty("json"));
        assertEquals("{\"a\":[1,2]}", ctx.getProperty("text"));
        assertTrue(ctx.getProperty("xml").toString().startsWith("<jsonObject>"), ctx.getProperty("xml").toString());
    }

    @Test
    void setPayloadXmlOnJsonMessageSwitchesToXml() {
        MessageContext ctx = json("{\"a\":1}");
        run(ctx, "mc.setPayloadXML('<r><ok>true</ok></r>');");
        assertEquals("application/xml", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
        assertEquals("<r><ok>true</ok></r>", Scripts.wire(ctx));
    }

    @Test
    void emptyBodyGivesNull() {
        MessageContext ctx = harness.request();
        run(ctx, "mc.setProperty('j', mc.getPayloadJSON() === null); mc.setProperty('x', mc.getPayloadXML() === null);"
                + "mc.setProperty('t', mc.getPayloadText() === '');");
        assertEquals(Boolean.TRUE, ctx.getProperty("j"));
        assertEquals(Boolean.TRUE, ctx.getProperty("x"));
        assertEquals(Boolean.TRUE, ctx.getProperty("t"));
    }

    // ---- XML payloads ----

    @Test
    void getAndSetPayloadXmlAsStrings() {
        MessageContext ctx = xml("<order xmlns=\"urn:o\"><id>7</id></order>");
        run(ctx, "var x = mc.getPayloadXML(); mc.setProperty('kind', typeof x); mc.setProperty('x', x);"
                + "mc.setPayloadXML('<done>' + (x.indexOf('<id>7</id>') > 0) + '</done>');");
        assertEquals("string", ctx.getProperty("kind"));
        assertEquals("<order xmlns=\"urn:o\"><id>7</id></order>", ctx.getProperty("x"));
        assertEquals("<done>true</done>", Scripts.wire(ctx));
    }

    @Test
    void e4xLiteralsBecomeMarkup() {
        MessageContext ctx = xml("<a/>");
        run(ctx, "var n = 2; var v = 'a<b'; mc.setPayloadXML(<r xmlns=\"urn:r\" v={v}><ok>{n * 21}</ok><t>{v}</t></r>);");
        assertEquals("<r xmlns=\"urn:r\" v=\"a&lt;b\"><ok>42</ok><t>a&lt;b</t></r>", Scripts.wire(ctx));
        assertTrue(run(ctx, "typeof <a/> == 'object' && String(<a>{1}</a>) == '<a>1</a>'"));
        assertTrue(run(ctx, "try { var x = <a><b/></a>; x..b; false } catch (e) { e instanceof Error }"));
    }

    @Test
    void getPayloadJsonOfXmlConvertsAndSetPayloadJsonSwitchesToJson() {
        MessageContext ctx = xml("<order><id>7</id><item>a</item><item>b</item></order>");
        run(ctx, "var p = mc.getPayloadJSON(); mc.setPayloadJSON({id: p.order.id, n: p.order.item.length});");
        assertEquals("{\"id\":7,\"n\":2}", Scripts.wire(ctx));
        assertEquals("application/json", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
    }

    @Test
    void setPayloadXmlTakesAWholeEnvelope() {
        MessageContext ctx = xml("<a/>");
        run(ctx, "mc.setPayloadXML('<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<s:Header><h xmlns=\"urn:h\">1</h></s:Header><s:Body><b/></s:Body></s:Envelope>');"
                + "mc.setProperty('env', mc.getEnvelopeXML());");
        String env = ctx.getProperty("env").toString();
        assertTrue(env.contains("<h xmlns=\"urn:h\">1</h>") && env.contains("<b/>"), env);
        assertEquals("b", ctx.payload().firstElement().getLocalName());
    }

    @Test
    void malformedXmlIsAScriptError() {
        MessageContext ctx = xml("<a/>");
        assertTrue(run(ctx, "try { mc.setPayloadXML('<a>'); false } catch (e) { e instanceof TypeError }"));
    }

    @Test
    void getEnvelopeXmlAndPayloadTextOfXml() {
        MessageContext ctx = xml("<a>x</a>");
        run(ctx, "mc.setProperty('env', mc.getEnvelopeXML()); mc.setProperty('text', mc.getPayloadText());");
        assertTrue(ctx.getProperty("env").toString().contains("Envelope"), ctx.getProperty("env").toString());
        assertTrue(ctx.getProperty("env").toString().contains("<a>x</a>"));
        assertEquals("<a>x</a>", ctx.getProperty("text"));
    }

    @Test
    void malformedRequestBodyIsTheClientsFault() {
        MessageContext ctx = json("{broken");
        var e = assertThrows(io.ganglion.engine.message.PayloadException.class, () -> run(ctx, "mc.getPayloadJSON()"));
        assertEquals(400, e.status());
    }

    // ---- properties ----

    @Test
    void propertiesInEachScope() {
        MessageContext ctx = json("{}");
        ctx.setProperty("uri.var.id", "42");
        ctx.setProperty("n", 5);
        run(ctx, "mc.setProperty('copy', mc.getProperty('uri.var.id'));"
                + "mc.setProperty('missing', mc.getProperty('nope') === null);"
                + "mc.setProperty('nType', typeof mc.getProperty('n'));"
                + "mc.setProperty('HTTP_SC', 404, 'axis2');"
                + "mc.setProperty('X-Mock', 'yes', 'transport');"
                + "mc.setProperty('ratio', 0.5);"
                + "mc.setProperty('obj', {a: [1]});"
                + "mc.setProperty('flag', true);"
                + "mc.setProperty('viaScope', mc.getProperty('X-Mock', 'transport') + mc.getProperty('HTTP_SC', 'axis2'));");
        assertEquals("42", ctx.getProperty("copy"));
        assertEquals(Boolean.TRUE, ctx.getProperty("missing"));
        assertEquals("number", ctx.getProperty("nType"));
        assertEquals(404, ctx.getAxis2Property(StandardProperties.HTTP_SC));
        assertEquals("yes", ctx.headers().get("X-Mock"));
        assertEquals(0.5, ctx.getProperty("ratio"));
        assertEquals("{\"a\":[1]}", ctx.getProperty("obj"));
        assertEquals(Boolean.TRUE, ctx.getProperty("flag"));
        assertEquals("yes404", ctx.getProperty("viaScope"));

        run(ctx, "mc.removeProperty('copy'); mc.removeProperty('X-Mock', 'transport'); mc.setProperty('ratio', null);");
        assertNull(ctx.getProperty("copy"));
        assertNull(ctx.headers().get("X-Mock"));
        assertNull(ctx.getProperty("ratio"));
    }

    @Test
    void systemScopeIsNotForScripts() {
        MessageContext ctx = json("{}");
        assertTrue(run(ctx, "try { mc.getProperty('java.home', 'system'); false } catch (e) { e instanceof TypeError }"));
        assertTrue(run(ctx, "try { mc.setProperty('x', 1, 'func'); false } catch (e) { e instanceof TypeError }"));
    }

    // ---- headers and addressing ----

    @Test
    void transportHeaders() {
        MessageContext ctx = json("{}");
        ctx.headers().set("X-Trace", "t1");
        run(ctx, "mc.setProperty('trace', mc.getHeader('x-trace'));"
                + "mc.setHeader('X-Added', 'a');"
                + "mc.removeHeader('X-Trace');"
                + "var h = mc.getTransportHeaders(); mc.setProperty('all', JSON.stringify(h));");
        assertEquals("t1", ctx.getProperty("trace"));
        assertEquals("a", ctx.headers().get("X-Added"));
        assertNull(ctx.headers().get("X-Trace"));
        assertEquals("{\"Content-Type\":\"application/json\",\"X-Added\":\"a\"}", ctx.getProperty("all"));
    }

    @Test
    void addressing() {
        MessageContext ctx = json("{}");
        run(ctx, "mc.setTo('http://backend/x'); mc.setFaultTo('http://f'); mc.setReplyTo('http://r');"
                + "mc.setFrom('http://me');"
                + "mc.setProperty('all', [mc.getTo(), mc.getFaultTo(), mc.getReplyTo(), mc.getFrom(),"
                + " mc.isResponse(), mc.getMessageID().indexOf('urn:uuid:') == 0].join(' '));");
        assertEquals("http://backend/x", ctx.getTo());
        assertEquals("http://f", ctx.getFaultTo());
        assertEquals("http://r", ctx.getReplyTo());
        assertEquals("http://me", ctx.getFrom());
        assertEquals("http://backend/x http://f http://r http://me false true", ctx.getProperty("all"));
    }

    // ---- language and flow ----

    @Test
    void jsonObjectWorks() {
        MessageContext ctx = json("{}");
        run(ctx, "var o = JSON.parse('{\"a\":[1,2,{\"b\":null}]}'); mc.setProperty('s', JSON.stringify(o.a));");
        assertEquals("[1,2,{\"b\":null}]", ctx.getProperty("s"));
    }

    @Test
    void falseStopsTheSequence() {
        MessageContext ctx = json("{}");
        List<String> ran = new java.util.ArrayList<>();
        Mediator marker = c -> ran.add("after");
        Sequence stop = Sequence.anonymous(List.of(Scripts.inline(RUNTIME, "mc.setProperty('x', 1); false"), marker));
        Sequence go = Sequence.anonymous(List.of(Scripts.inline(RUNTIME, "var stop = false; mc.setProperty('x', 2);"),
                marker));
        assertFalse(stop.mediate(ctx));
        assertTrue(ran.isEmpty());
        assertTrue(go.mediate(ctx));
        assertEquals(List.of("after"), ran);
    }

    @Test
    void printAndLogGoToTheScriptLogger() {
        Logger logger = (Logger) LoggerFactory.getLogger(RhinoRuntime.LOGGER);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        var level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            run(json("{}"), "print('hello', 42, {a: 1}); log('bye');");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        assertEquals(2, appender.list.size());
        assertTrue(appender.list.get(0).getFormattedMessage().endsWith("hello 42 {\"a\":1}"),
                appender.list.get(0).getFormattedMessage());
        assertTrue(appender.list.get(1).getFormattedMessage().endsWith("bye"));
        assertTrue(appender.list.get(0).getFormattedMessage().startsWith("seq.xml:1:"),
                appender.list.get(0).getFormattedMessage());
    }

    @Test
    void scriptErrorsFaultTheMessageWithTheirFileLine() {
        MessageContext ctx = json("{}");
        ScriptMediator m = Scripts.read(RUNTIME, "<script " + Scripts.NS + " language=\"js\">\n"
                + "var a = 1;\n"
                + "undefinedFunction();\n"
                + "</script>");
        MediationException e = assertThrows(MediationException.class, () -> m.mediate(ctx));
        assertTrue(e.getMessage().startsWith("script failed at seq.xml:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("undefinedFunction"), e.getMessage());
        MediationException thrown = assertThrows(MediationException.class,
                () -> run(ctx, "throw new Error('custom failure')"));
        assertTrue(thrown.getMessage().contains("custom failure"), thrown.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "application/json | {'a':{'b':1}} | <jsonObject><a><b>1</b></a></jsonObject>",
        "application/xml  | <a><b>1</b></a> | <a><b>1</b></a>"})
    void everyMethodOnJsonAndXmlMessages(String type, String body, String xmlView) {
        MessageContext ctx = harness.request(type, body.replace('\'', '"'));
        ctx.headers().set("X-In", "in");
        run(ctx, ""
                + "function put(k, v) { mc.setProperty('r.' + k, String(v)); }"
                + "put('xml', mc.getPayloadXML());"
                + "put('b', mc.getPayloadJSON().a.b);"
                + "put('json', mc.getJsonText());"
                + "put('text', mc.getPayloadText().length > 0);"
                + "put('env', mc.getEnvelopeXML().indexOf('Envelope') > 0);"
                + "mc.setProperty('p', 'v'); mc.setProperty('q', 'w', 'axis2'); mc.setProperty('X-Out', 'o', 'transport');"
                + "put('props', mc.getProperty('p') + mc.getProperty('q', 'axis2') + mc.getProperty('X-Out', 'transport'));"
                + "mc.removeProperty('p'); put('removed', mc.getProperty('p'));"
                + "mc.setHeader('X-Set', 's'); put('header', mc.getHeader('X-In') + mc.getHeader('X-Set'));"
                + "mc.removeHeader('X-Set'); put('headers', Object.keys(mc.getTransportHeaders()).join());"
                + "mc.setTo('t'); mc.setFrom('f'); mc.setFaultTo('ft'); mc.setReplyTo('rt');"
                + "put('addr', [mc.getTo(), mc.getFrom(), mc.getFaultTo(), mc.getReplyTo()].join());"
                + "put('id', typeof mc.getMessageID()); put('response', mc.isResponse());"
                + "mc.setPayloadXML('<x>1</x>'); put('afterXml', mc.getPayloadXML());"
                + "mc.setPayloadJSON({y: 2}); put('afterJson', mc.getJsonText());");
        assertEquals(xmlView, ctx.getProperty("r.xml"));
        assertEquals("1", ctx.getProperty("r.b"));
        assertEquals("{\"a\":{\"b\":1}}", ctx.getProperty("r.json"));
        assertEquals("true", ctx.getProperty("r.text"));
        assertEquals("true", ctx.getProperty("r.env"));
        assertEquals("vwo", ctx.getProperty("r.props"));
        assertEquals("null", ctx.getProperty("r.removed"));
        assertEquals("ins", ctx.getProperty("r.header"));
        assertEquals("Content-Type,X-In,X-Out", ctx.getProperty("r.headers"));
        assertEquals("t,f,ft,rt", ctx.getProperty("r.addr"));
        assertEquals("string", ctx.getProperty("r.id"));
        assertEquals("false", ctx.getProperty("r.response"));
        assertEquals("<x>1</x>", ctx.getProperty("r.afterXml"));
        assertEquals("{\"y\":2}", ctx.getProperty("r.afterJson"));
        assertEquals("{\"y\":2}", Scripts.wire(ctx));
    }

    @Test
    void scopeNamesAreSynapses() {
        assertEquals(Scope.DEFAULT, Scope.fromXml("synapse"));
    }
}
