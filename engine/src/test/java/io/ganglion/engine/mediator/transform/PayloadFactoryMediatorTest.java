package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.assertSimilar;
import static io.ganglion.engine.mediator.transform.TransformTesting.body;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.readContext;
import static io.ganglion.engine.mediator.transform.TransformTesting.readError;
import static io.ganglion.engine.mediator.transform.TransformTesting.xmlEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.message.format.MessageBuilder;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.xpath.SynapseXPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PayloadFactoryMediatorTest {

    private final MediationHarness harness = new MediationHarness();

    private MessageContext order() {
        return harness.request("application/xml",
                "<order><id>42</id><name>Tom &amp; Jerry</name><item><sku>a1</sku></item></order>");
    }

    @Nested
    class Xml {

        @Test
        void fillsValueAndXPathArgsEscapingText() {
            PayloadFactoryMediator m = read("""
                    <payloadFactory %s>
                      <format><m:req xmlns:m="urn:m"><m:id>$1</m:id><m:name>$2</m:name><m:f a="$3">$3</m:f></m:req></format>
                      <args><arg expression="//id"/><arg expression="//name"/><arg value="a&quot;b&lt;c"/></args>
                    </payloadFactory>""".formatted(NS));
            MessageContext ctx = order();
            assertTrue(m.mediate(ctx));
            assertSimilar("<m:req xmlns:m='urn:m'><m:id>42</m:id><m:name>Tom &amp; Jerry</m:name>"
                    + "<m:f a='a&quot;b&lt;c'>a\"b&lt;c</m:f></m:req>", body(ctx));
        }

        @Test
        void insertsXmlValuesAsXmlUnlessLiteral() {
            PayloadFactoryMediator m = read("""
                    <payloadFactory %s>
                      <format><wrap xmlns=""><x>$1</x><y>$2</y></wrap></format>
                      <args><arg expression="//item"/><arg expression="//item" literal="true"/></args>
                    </payloadFactory>""".formatted(NS));
            MessageContext ctx = order();
            m.mediate(ctx);
            OMElement wrap = ctx.payload().firstElement();
            assertEquals("a1", wrap.getFirstElement().getFirstElement().getFirstElement().getText());
            OMElement y = (OMElement) wrap.getChildElements().next().getNextOMSibling();
            assertEquals("<item><sku>a1</sku></item>", y.getText());
        }

        @Test
        void unprefixedFormatElementsLoseTheConfigurationNamespace() {
            PayloadFactoryMediator m = read("""
                    <payloadFactory %s><format><result><v>$1</v></result></format>
                      <args><arg value="1"/></args></payloadFactory>""".formatted(NS));
            MessageContext ctx = order();
            m.mediate(ctx);
            OMElement result = ctx.payload().firstElement();
            assertNull(result.getNamespaceURI());
            assertNull(result.getFirstElement().getNamespaceURI());
        }

        @Test
        void staticArgsReplaceAnUnreadBodyWithoutParsingIt() {
            PayloadFactoryMediator m = read("""
                    <payloadFactory %s><format><ok xmlns="">$1</ok></format>
                      <args><arg value="yes"/></args></payloadFactory>""".formatted(NS));
            assertFalse(m.readsBody());
            MessageContext ctx = harness.request("application/json", "{ this is not read");
            m.mediate(ctx);
            assertEquals("<ok>yes</ok>", body(ctx));
            assertEquals("application/xml", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
        }

        @Test
        void xpathArgsReadTheBody() {
            PayloadFactoryMediator m = read("""
                    <payloadFactory %s><format><a xmlns="">$1</a></format>
                      <args><arg expression="//id"/></args></payloadFactory>""".formatted(NS));
            assertTrue(m.readsBody());
        }

        @Test
        void anEnvelopeResultReplacesTheEnvelope() {
            PayloadFactoryMediator m = read("""
                    <payloadFactory %s><format>
                      <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><a xmlns="">$1</a></s:Body></s:Envelope>
                    </format><args><arg expression="//id"/></args></payloadFactory>""".formatted(NS));
            MessageContext ctx = order();
            m.mediate(ctx);
            assertEquals(SOAPVersion.SOAP12, ctx.payload().envelope().getVersion());
            assertEquals("<a>42</a>", body(ctx));
        }

        @Test
        void formatFromALocalEntryIsRecordedAndResolvedAtRunTime() {
            String xml = "<payloadFactory %s><format key=\"fmt\"/><args><arg value=\"7\"/></args></payloadFactory>"
                    .formatted(NS);
            ReadContext rc = readContext(xml);
            assertEquals(List.of(ReadContext.ReferenceKind.LOCAL_ENTRY), rc.references().stream()
                    .map(ReadContext.Reference::kind).toList());
            Configuration cfg = Configuration.builder().localEntry(xmlEntry("fmt", "<n xmlns='urn:n'>$1</n>")).build();
            MediationHarness h = new MediationHarness(cfg);
            MessageContext ctx = h.request();
            PayloadFactoryMediator m = read(xml);
            m.mediate(ctx);
            m.mediate(ctx);
            assertSimilar("<n xmlns='urn:n'>7</n>", body(ctx));
        }

        @Test
        void aMissingFormatEntryFailsTheMessage() {
            PayloadFactoryMediator m = read("<payloadFactory %s><format key=\"nope\"/></payloadFactory>".formatted(NS));
            assertThrows(MediationException.class, () -> m.mediate(harness.request()));
        }

        @Test
        void textMediaTypeWrapsTheText() {
            PayloadFactoryMediator m = read("""
                    <payloadFactory media-type="text" %s><format>id=$1</format>
                      <args><arg expression="//id"/></args></payloadFactory>""".formatted(NS));
            MessageContext ctx = order();
            m.mediate(ctx);
            assertEquals("id=42", ctx.payload().firstElement().getText());
            assertEquals("text/plain", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
        }
    }

    @Nested
    class Json {

        @Test
        void escapesInsideStringsAndInsertsJsonValuesAsTheyAre() {
            PayloadTemplate t = PayloadTemplate.json("{\"name\":\"$1\",\"n\":$2,\"obj\":$3,\"s\":$4,\"lit\":$5,\"esc\":\"\\\"$1\"}");
            String out = t.render(List.of(
                    new PayloadTemplate.ArgValue("a\"b\\\n", false),
                    new PayloadTemplate.ArgValue("42", false),
                    new PayloadTemplate.ArgValue("{\"x\":[1,2]}", false),
                    new PayloadTemplate.ArgValue("plain", false),
                    new PayloadTemplate.ArgValue("{\"x\":1}", true)));
            assertEquals("{\"name\":\"a\\\"b\\\\\\n\",\"n\":42,\"obj\":{\"x\":[1,2]},\"s\":\"plain\","
                    + "\"lit\":\"{\\\"x\\\":1}\",\"esc\":\"\\\"a\\\"b\\\\\\n\"}", out);
        }

        @Test
        void unknownPlaceholdersStayAsWritten() {
            assertEquals("{\"a\":\"$9\"}", PayloadTemplate.json("{\"a\":\"$9\"}").render(List.of()));
        }

        @Test
        void jsonEvaluatorArgsAreCompiledAsJsonEval() {
            assumeTrue(jsonEvalSupported(), "json-eval arrives with the XPath dialect");
            PayloadFactoryMediator m = read("""
                    <payloadFactory media-type="json" %s><format>{"n":"$1"}</format>
                      <args><arg evaluator="json" expression="$.name"/></args></payloadFactory>""".formatted(NS));
            assertEquals("json-eval($.name)", m.args().get(0).expression().expression());
        }

        @Test
        void theResultBecomesTheJsonPayload() {
            assumeTrue(jsonBuilderSupported(), "the JSON message builder arrives with the formats");
            PayloadFactoryMediator m = read("""
                    <payloadFactory media-type="json" %s><format>{"id":$1,"name":"$2"}</format>
                      <args><arg expression="//id"/><arg expression="//name"/></args></payloadFactory>""".formatted(NS));
            MessageContext ctx = order();
            m.mediate(ctx);
            assertEquals("application/json", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
            assertEquals("42", ctx.payload().firstElement().getFirstElement().getText());
        }

        @Test
        void formatTextIsRequired() {
            ConfigException e = readError("<payloadFactory media-type=\"json\" %s><format><a/></format></payloadFactory>"
                    .formatted(NS));
            assertTrue(e.getMessage().contains("holds text"), e.getMessage());
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownMediaTypeIsLocated() {
            ConfigException e = readError("<payloadFactory media-type=\"yaml\" %s><format><a/></format></payloadFactory>"
                    .formatted(NS));
            assertTrue(e.getMessage().contains("media-type"), e.getMessage());
            assertEquals(1, e.location().line());
        }

        @Test
        void anArgNeedsValueOrExpression() {
            ConfigException e = readError("""
                    <payloadFactory %s>
                      <format><a/></format>
                      <args>
                        <arg/>
                      </args>
                    </payloadFactory>""".formatted(NS));
            assertTrue(e.getMessage().contains("'value' and 'expression'"), e.getMessage());
            assertEquals(4, e.location().line());
        }

        @Test
        void freemarkerIsRejected() {
            ConfigException e = readError(
                    "<payloadFactory template-type=\"freemarker\" %s><format><a/></format></payloadFactory>".formatted(NS));
            assertTrue(e.getMessage().contains("template-type"), e.getMessage());
        }

        @Test
        void aBadXPathIsLocated() {
            ConfigException e = readError("""
                    <payloadFactory %s><format><a/></format>
                      <args><arg expression="//["/></args></payloadFactory>""".formatted(NS));
            assertEquals(2, e.location().line());
        }

        @Test
        void formatIsRequired() {
            assertNull(readError("<payloadFactory %s/>".formatted(NS)).getCause());
        }
    }

    private static boolean jsonEvalSupported() {
        try {
            SynapseXPath.compile("json-eval($.a)", Map.of());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean jsonBuilderSupported() {
        try {
            MessageBuilder.build("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
