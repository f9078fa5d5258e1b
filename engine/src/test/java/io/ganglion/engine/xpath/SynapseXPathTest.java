package io.ganglion.engine.xpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.LocalEntry;
import io.ganglion.engine.config.Location;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.testing.MediationHarness;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.axiom.om.OMAbstractFactory;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SynapseXPathTest {

    private static final String ORDER = "<order xmlns=\"urn:o\"><id>42</id><item sku=\"a\">pen</item>"
            + "<item sku=\"b\">ink</item></order>";

    private final MediationHarness harness = new MediationHarness();

    private static SynapseXPath xp(String expr) {
        return SynapseXPath.compile(expr, Map.of("o", "urn:o"));
    }

    private static String eval(String expr, MessageContext ctx) {
        return xp(expr).stringValueOf(ctx);
    }

    @Nested
    class GetProperty {

        @Test
        void defaultScopeAndAliases() {
            MessageContext ctx = harness.request();
            ctx.setProperty("who", "alice");
            assertEquals("alice", eval("get-property('who')", ctx));
            assertEquals("alice", eval("get-property('default', 'who')", ctx));
            assertEquals("alice", eval("get-property('synapse', 'who')", ctx));
            assertEquals("", eval("get-property('missing')", ctx));
            assertFalse(xp("get-property('missing')").booleanValueOf(ctx));
        }

        @Test
        void axis2AndAxis2ClientScopes() {
            MessageContext ctx = harness.request();
            ctx.setAxis2Property("HTTP_SC", "404");
            assertEquals("404", eval("get-property('axis2', 'HTTP_SC')", ctx));
            assertEquals("404", eval("get-property('axis2-client', 'HTTP_SC')", ctx));
            assertEquals("GET", eval("get-property('axis2', 'HTTP_METHOD')", ctx));
        }

        @Test
        void transportScopeIsCaseInsensitive() {
            MessageContext ctx = harness.request();
            ctx.setHeaders(new Headers().add("X-Request-Id", "r-1"));
            assertEquals("r-1", eval("get-property('transport', 'x-request-id')", ctx));
            assertEquals("", eval("get-property('transport', 'Nope')", ctx));
        }

        @Test
        void systemScope() {
            System.setProperty("ganglion.xpath.test", "sys");
            assertEquals("sys", eval("get-property('system', 'ganglion.xpath.test')", harness.request()));
        }

        @Test
        void registryScopeReadsLocalEntries() {
            OMFactory f = OMAbstractFactory.getOMFactory();
            OMElement xml = f.createOMElement("cfg", null);
            xml.setText("from-xml");
            Configuration config = Configuration.builder()
                    .localEntry(new LocalEntry("greeting", "hello", null, new Location("t", 1, 1)))
                    .localEntry(new LocalEntry("xmlEntry", null, xml, new Location("t", 1, 1)))
                    .build();
            MessageContext ctx = new MediationHarness(config).request();
            assertEquals("hello", eval("get-property('registry', 'greeting')", ctx));
            assertEquals("from-xml", eval("get-property('registry', 'xmlEntry')", ctx));
        }

        @Test
        void funcScopeReadsTemplateParameters() {
            MessageContext ctx = harness.request();
            ctx.pushTemplateParams(Map.of("p", "v1"));
            assertEquals("v1", eval("get-property('func', 'p')", ctx));
            assertEquals("v1", eval("$func:p", ctx));
        }

        @Test
        void addressingSpecials() {
            MessageContext ctx = harness.request();
            ctx.setTo("http://backend/svc");
            ctx.setFrom("urn:from");
            ctx.setSoapAction("urn:getQuote");
            ctx.setFaultTo("urn:fault");
            ctx.setReplyTo("urn:reply");
            ctx.setMessageId("urn:uuid:1");
            ctx.setRelatesTo("urn:uuid:0");
            assertEquals("http://backend/svc", eval("get-property('To')", ctx));
            assertEquals("urn:from", eval("get-property('From')", ctx));
            assertEquals("urn:getQuote", eval("get-property('Action')", ctx));
            assertEquals("urn:fault", eval("get-property('FaultTo')", ctx));
            assertEquals("urn:reply", eval("get-property('ReplyTo')", ctx));
            assertEquals("urn:uuid:1", eval("get-property('MessageID')", ctx));
            assertEquals("urn:uuid:0", eval("get-property('RelatesTo')", ctx));
        }

        @Test
        void faultReadsTheEnvelope() {
            MessageContext ok = harness.request("text/xml",
                    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><a/></s:Body></s:Envelope>");
            SynapseXPath fault = xp("get-property('FAULT')");
            assertTrue(fault.readsBody());
            assertFalse(fault.booleanValueOf(ok));
            MessageContext bad = harness.request("text/xml",
                    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault>"
                            + "<faultcode>s:Server</faultcode><faultstring>boom</faultstring></s:Fault></s:Body></s:Envelope>");
            bad.payload().envelope();
            assertTrue(fault.booleanValueOf(bad));
            assertEquals("true", fault.stringValueOf(bad));
        }

        @Test
        void messageFormat() {
            assertEquals("soap11", eval("get-property('MESSAGE_FORMAT')", harness.request("text/xml", "<a/>")));
            assertEquals("soap12", eval("get-property('MESSAGE_FORMAT')",
                    harness.request("application/soap+xml; charset=UTF-8", "<a/>")));
            assertEquals("json", eval("get-property('MESSAGE_FORMAT')", harness.request("application/json", "{}")));
            assertEquals("pox", eval("get-property('MESSAGE_FORMAT')", harness.request("application/xml", "<a/>")));
        }

        @Test
        void systemDateAndTimeUseTheRuntimeClock() {
            Clock clock = Clock.fixed(Instant.parse("2024-03-05T06:07:08.009Z"), ZoneOffset.UTC);
            MessageContext ctx = new MediationHarness().withClock(clock).request();
            assertEquals("2024-03-05T06:07:08.009Z", eval("get-property('SYSTEM_DATE')", ctx));
            assertEquals("2024/03/05", eval("get-property('SYSTEM_DATE', 'yyyy/MM/dd')", ctx));
            assertEquals("06:07", eval("get-property('default', 'SYSTEM_DATE', 'HH:mm')", ctx));
            assertEquals(Long.toString(clock.millis()), eval("get-property('SYSTEM_TIME')", ctx));
        }

        @Test
        void serverIpAndHost() {
            MessageContext ctx = harness.request();
            assertFalse(eval("get-property('SERVER_IP')", ctx).isEmpty());
            assertFalse(eval("get-property('SERVER_HOST')", ctx).isEmpty());
        }

        @Test
        void elementValuesGiveTheirText() {
            OMFactory f = OMAbstractFactory.getOMFactory();
            OMElement el = f.createOMElement("v", null);
            f.createOMElement("w", null, el).setText("inner");
            MessageContext ctx = harness.request();
            ctx.setProperty("el", el);
            ctx.setProperty("n", 7);
            assertEquals("inner", eval("get-property('el')", ctx));
            assertEquals("inner", eval("$ctx:el/w", ctx));
            assertEquals("8", eval("$ctx:n + 1", ctx));
            assertTrue(xp("get-property('n') = 7").booleanValueOf(ctx));
        }
    }

    @Nested
    class Variables {

        @Test
        void propertyVariables() {
            MessageContext ctx = harness.request();
            ctx.setProperty("tag", "t1");
            ctx.setAxis2Property("REST_URL_POSTFIX", "/x");
            ctx.setHeaders(new Headers().add("Host", "example.org"));
            assertEquals("t1", eval("$ctx:tag", ctx));
            assertEquals("/x", eval("$axis2:REST_URL_POSTFIX", ctx));
            assertEquals("example.org", eval("$trp:host", ctx));
            assertEquals("example.org-x", eval("concat($trp:Host,'-x')", ctx));
            assertEquals("", eval("$ctx:missing", ctx));
        }

        @Test
        void urlVariablesReadTheQueryString() {
            MessageContext ctx = harness.request();
            ctx.setAxis2Property(StandardProperties.TRANSPORT_IN_URL, "/api/items?q=red%20pens&page=2&flag");
            assertEquals("red pens", eval("$url:q", ctx));
            assertEquals("2", eval("$url:page", ctx));
            assertEquals("", eval("$url:flag", ctx));
            assertEquals("", eval("$url:none", ctx));
        }

        @Test
        void bodyAndHeader() {
            MessageContext ctx = harness.request("text/xml",
                    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Header><h>hv</h></s:Header>"
                            + "<s:Body>" + ORDER + "</s:Body></s:Envelope>");
            assertEquals("42", eval("$body/o:order/o:id", ctx));
            assertEquals("hv", eval("$header/h", ctx));
            MessageContext noHeader = harness.request("text/xml",
                    "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body/></s:Envelope>");
            assertEquals("", eval("$header", noHeader));
            assertEquals(0, xp("$header/*").selectNodes(noHeader).size());
        }

        @Test
        void unknownVariableIsACompileError() {
            XPathSyntaxException e = assertThrows(XPathSyntaxException.class, () -> xp("$foo:bar"));
            assertTrue(e.getMessage().contains("$foo:bar"), e.getMessage());
            assertThrows(XPathSyntaxException.class, () -> xp("$nope"));
        }
    }

    @Nested
    class Functions {

        @Test
        void base64() {
            MessageContext ctx = harness.request();
            assertEquals("dXNlcjpwYXNz", eval("base64Encode('user:pass')", ctx));
            assertEquals("user:pass", eval("base64Decode('dXNlcjpwYXNz')", ctx));
            assertEquals("6Q==", eval("base64Encode('\u00e9', 'ISO-8859-1')", ctx));
            assertEquals("\u00e9", eval("base64Decode('6Q==', 'ISO-8859-1')", ctx));
            assertEquals("", eval("base64Decode('***')", ctx));
        }

        @Test
        void urlEncode() {
            MessageContext ctx = harness.request();
            assertEquals("a%20b%26c%3Dd%2F%C3%A9~", eval("url-encode('a b&c=d/\u00e9~')", ctx));
        }

        @Test
        void standardAndJaxenFunctions() {
            MessageContext ctx = harness.request("application/xml", ORDER);
            assertEquals("2", eval("count(//o:item)", ctx));
            assertEquals("PEN", eval("upper-case(//o:item[@sku='a'])", ctx));
            assertEquals("pen,ink", eval("concat(//o:item[1], ',', //o:item[2])", ctx));
            assertTrue(xp("ends-with('abc', 'bc')").booleanValueOf(ctx));
        }

        @Test
        void unknownFunctionsAndBadArityAreCompileErrors() {
            XPathSyntaxException e = assertThrows(XPathSyntaxException.class, () -> xp("no-such-fn('a')"));
            assertTrue(e.getMessage().contains("no-such-fn"), e.getMessage());
            assertThrows(XPathSyntaxException.class, () -> xp("get-property()"));
            assertThrows(XPathSyntaxException.class, () -> xp("x:f()"));
        }

        @Test
        void documentIsNotAvailable() {
            assertThrows(XPathSyntaxException.class, () -> xp("document('file:///etc/passwd')"));
            MessageContext ctx = harness.request("application/xml", ORDER);
            ctx.setProperty("expr", "document('file:///etc/passwd')");
            assertThrows(XPathEvaluationException.class, () -> xp("evaluate($ctx:expr)").stringValueOf(ctx));
        }
    }

    @Nested
    class Evaluation {

        @Test
        void pathsFromTheEnvelope() {
            MessageContext ctx = harness.request("application/xml", ORDER);
            assertEquals("42", eval("//o:id", ctx));
            assertEquals("42", evalNs("/soapenv:Envelope/soapenv:Body/o:order/o:id",
                    ctx, Map.of("o", "urn:o", "soapenv", "http://schemas.xmlsoap.org/soap/envelope/")));
            assertEquals("42", evalNs("soapenv:Body/o:order/o:id",
                    ctx, Map.of("o", "urn:o", "soapenv", "http://schemas.xmlsoap.org/soap/envelope/")));
            List<Object> items = xp("//o:item").selectNodes(ctx);
            assertEquals(2, items.size());
            assertInstanceOf(OMElement.class, items.get(0));
        }

        private String evalNs(String expr, MessageContext ctx, Map<String, String> ns) {
            return SynapseXPath.compile(expr, ns).stringValueOf(ctx);
        }

        @Test
        void rawResultsAndContextNodes() {
            MessageContext ctx = harness.request("application/xml", ORDER);
            assertEquals(2.0, xp("count(//o:item)").evaluate(ctx));
            assertEquals("42", xp("string(//o:id)").evaluate(ctx));
            assertEquals(Boolean.TRUE, xp("//o:id = 42").evaluate(ctx));
            OMElement item = (OMElement) xp("//o:item[2]").selectNodes(ctx).get(0);
            assertEquals("b", xp("string(@sku)").evaluate(ctx, item));
            assertEquals(List.of("x"), xp("'x'").selectNodes(ctx));
        }

        @Test
        void booleanValues() {
            MessageContext ctx = harness.request("application/xml", ORDER);
            assertTrue(xp("//o:id").booleanValueOf(ctx));
            assertFalse(xp("//o:nothing").booleanValueOf(ctx));
            assertFalse(xp("1 = 2").booleanValueOf(ctx));
            assertTrue(xp("get-property('axis2', 'HTTP_METHOD') = 'POST'").booleanValueOf(ctx));
        }

        @Test
        void syntaxErrorsNameTheExpression() {
            XPathSyntaxException e = assertThrows(XPathSyntaxException.class, () -> xp("//a[@b="));
            assertTrue(e.getMessage().contains("//a[@b="), e.getMessage());
            assertThrows(XPathSyntaxException.class, () -> xp("  "));
        }

        @Test
        void compiledExpressionsAreSharedAcrossThreads() throws Exception {
            SynapseXPath expr = xp("concat(get-property('n'), '-', //o:id)");
            List<CompletableFuture<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                results.add(CompletableFuture.supplyAsync(() -> {
                    MessageContext ctx = harness.request("application/xml", ORDER);
                    ctx.setProperty("n", Integer.toString(n));
                    String last = null;
                    for (int k = 0; k < 200; k++) {
                        last = expr.stringValueOf(ctx);
                    }
                    return last;
                }));
            }
            for (int i = 0; i < 8; i++) {
                assertEquals(i + "-42", results.get(i).get());
            }
        }
    }

    @Nested
    class ReadsBody {

        @ParameterizedTest
        @ValueSource(strings = {"get-property('uri.var.id')", "$ctx:foo", "concat($trp:Host,'x')", "$url:q",
            "get-property('axis2', 'HTTP_SC') = 200", "base64Encode($ctx:a)", "'literal'", "1 + 2",
            "$ctx:el/child", "$ctx:el[name() = 'x']", "string($ctx:x)", "$func:p", "count($ctx:list)"})
        void headerOnlyExpressions(String expr) {
            assertFalse(xp(expr).readsBody(), expr);
        }

        @ParameterizedTest
        @ValueSource(strings = {"//o:id", "/a", "o:order", ".", "$body", "$header/h", "count(//x)",
            "concat($ctx:a, //o:id)", "$ctx:a[//b]", "string()", "name()", "get-property('FAULT')",
            "//o:item[@sku = $ctx:s]", "$body//o:id", "json-eval($.a)", "id('x')", "lang('en')",
            "evaluate($ctx:e)"})
        void bodyExpressions(String expr) {
            assertTrue(xp(expr).readsBody(), expr);
        }

        @Test
        void headerOnlyEvaluationDoesNotBuildThePayload() {
            MessageContext ctx = harness.request();
            ctx.setPayload(Payload.of(new UnreadableBody()));
            ctx.setProperty("uri.var.id", "7");
            ctx.setProperty(StandardProperties.REST_METHOD, "GET");
            ctx.setHeaders(new Headers().add("Host", "h"));
            ctx.setAxis2Property(StandardProperties.TRANSPORT_IN_URL, "/p?q=1");
            assertEquals("7", eval("get-property('uri.var.id')", ctx));
            assertEquals("hx", eval("concat($trp:Host,'x')", ctx));
            assertEquals("1", eval("$url:q", ctx));
            assertTrue(xp("$ctx:REST_METHOD = 'GET'").booleanValueOf(ctx));
            assertEquals(1, xp("get-property('uri.var.id')").selectNodes(ctx).size());
            assertEquals("7", xp("get-property('uri.var.id')").evaluate(ctx));
            assertEquals("pox", eval("get-property('MESSAGE_FORMAT')", ctx));
            assertFalse(ctx.payload().isBuilt());
        }
    }

    @Test
    void scopesWrittenThroughTheContextAreVisible() {
        MessageContext ctx = harness.request();
        ctx.setProperty(Scope.TRANSPORT, "X-A", "1");
        assertEquals("1", eval("$trp:X-A", ctx));
    }

    /** A wire body that fails the test if anything tries to read it. */
    private static final class UnreadableBody implements RawBody {
        @Override
        public long length() {
            return 10;
        }

        @Override
        public String contentType() {
            return "application/xml";
        }

        @Override
        public CompletionStage<byte[]> readAll(long limit) {
            throw new AssertionError("the body was read");
        }
    }
}
