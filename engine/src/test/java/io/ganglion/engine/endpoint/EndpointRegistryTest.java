package io.ganglion.engine.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.endpoint.address.AddressEndpoint;
import io.ganglion.engine.endpoint.definition.EndpointDefinition.TimeoutAction;
import io.ganglion.engine.endpoint.definition.Format;
import io.ganglion.engine.endpoint.dynamic.DefaultEndpoint;
import io.ganglion.engine.endpoint.http.HttpEndpoint;
import io.ganglion.engine.endpoint.http.HttpMethod;
import io.ganglion.engine.endpoint.indirect.IndirectEndpoint;
import io.ganglion.engine.endpoint.indirect.ResolvingEndpoint;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.ReadContext.ReferenceKind;
import io.ganglion.engine.mediator.WriteContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

class EndpointRegistryTest {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    static Endpoint read(String xml) {
        ReadContext ctx = ReadContext.forText("ep.xml", xml);
        return ctx.endpoint(ctx.root());
    }

    static void assertRoundTrip(String xml) {
        String written = WriteContext.defaults().endpoint(read(xml)).toString();
        Diff diff = DiffBuilder.compare(xml).withTest(written).ignoreWhitespace().ignoreComments().checkForSimilar()
                .build();
        assertFalse(diff.hasDifferences(), () -> diff + "\nwritten: " + written);
    }

    static ConfigException error(String xml) {
        return assertThrows(ConfigException.class, () -> read(xml));
    }

    @Nested
    class RoundTrip {

        @Test
        void addressWithEveryQosSetting() {
            String xml = "<endpoint " + NS + " name=\"QuoteEP\">\n"
                    + "  <address uri=\"http://localhost:9000/services/SimpleStockQuoteService\" format=\"soap11\""
                    + " optimize=\"mtom\" encoding=\"UTF-8\" statistics=\"enable\" trace=\"disable\">\n"
                    + "    <enableAddressing version=\"final\" separateListener=\"true\"/>\n"
                    + "    <enableSec policy=\"sec_policy\"/>\n"
                    + "    <timeout><duration>30000</duration><responseAction>fault</responseAction></timeout>\n"
                    + "    <markForSuspension><errorCodes>101504,101505</errorCodes>"
                    + "<retriesBeforeSuspension>3</retriesBeforeSuspension><retryDelay>1000</retryDelay></markForSuspension>\n"
                    + "    <suspendOnFailure><errorCodes>101503,101500</errorCodes><initialDuration>2000</initialDuration>"
                    + "<progressionFactor>2.0</progressionFactor><maximumDuration>60000</maximumDuration></suspendOnFailure>\n"
                    + "    <suspendDurationOnFailure>30</suspendDurationOnFailure>\n"
                    + "    <retryConfig><disabledErrorCodes>101507</disabledErrorCodes></retryConfig>\n"
                    + "  </address>\n"
                    + "</endpoint>";
            assertRoundTrip(xml);
            AddressEndpoint ep = assertInstanceOf(AddressEndpoint.class, read(xml));
            assertEquals("QuoteEP", ep.name());
            assertEquals(Format.SOAP11, ep.definition().format());
            assertEquals(TimeoutAction.FAULT, ep.definition().timeout().action());
            assertEquals(Duration.ofSeconds(30), ep.definition().responseTimeout());
            assertEquals(List.of(101504, 101505), ep.definition().markForSuspension().errorCodes());
            assertEquals(2.0, ep.definition().suspendOnFailure().progressionFactor());
            AddressEndpoint negative = (AddressEndpoint) read("<endpoint " + NS + "><address uri=\"http://h/\">"
                    + "<suspendOnFailure><initialDuration>-1</initialDuration></suspendOnFailure></address></endpoint>");
            assertEquals(Long.valueOf(-1), negative.definition().suspendOnFailure().initialDurationMs());
            assertTrue(ep.readsBody(), "soap11 converts the body");
        }

        @Test
        void addressWithoutSettings() {
            String xml = "<endpoint " + NS + "><address uri=\"http://h:8080/svc\"/></endpoint>";
            assertRoundTrip(xml);
            Endpoint ep = read(xml);
            assertEquals(null, ep.name());
            assertFalse(ep.readsBody());
        }

        @Test
        void emptyErrorCodesAndSecurityPolicies() {
            assertRoundTrip("<endpoint " + NS + "><address uri=\"http://h/\">"
                    + "<enableSec inboundPolicy=\"in\" outboundPolicy=\"out\"/>"
                    + "<markForSuspension><errorCodes/></markForSuspension>"
                    + "<retryConfig><enabledErrorCodes>101503,101504</enabledErrorCodes></retryConfig>"
                    + "</address></endpoint>");
        }

        @Test
        void httpWithMethodAndTimeout() {
            String xml = "<endpoint " + NS + " name=\"OrderEP\"><http method=\"get\""
                    + " uri-template=\"http://backend:8080/orders/{uri.var.id}{?query.param.q}\">"
                    + "<timeout><duration>5000</duration></timeout></http></endpoint>";
            assertRoundTrip(xml);
            HttpEndpoint ep = assertInstanceOf(HttpEndpoint.class, read(xml));
            assertEquals(HttpMethod.GET, ep.method());
            assertEquals(List.of("uri.var.id", "query.param.q"), ep.template().variables());
        }

        @Test
        void httpWithEscapedAmpersands() {
            assertRoundTrip("<endpoint " + NS + " name=\"HTTPEndpoint\"><http method=\"get\" uri-template=\""
                    + "http://localhost:8080/{uri.var.servicepath}/restapi/{uri.var.servicename}/menu?category="
                    + "{uri.var.category}&amp;type={uri.var.pizzaType}\"/></endpoint>");
        }

        @Test
        void httpWithLegacyEncodingAndLeaveAsIs() {
            assertRoundTrip("<endpoint " + NS + "><http method=\"leave-as-is\" format=\"json\""
                    + " uri-template=\"legacy-encoding:{uri.var.url}\"/></endpoint>");
        }

        @Test
        void httpMethodIsCaseInsensitive() {
            HttpEndpoint ep = (HttpEndpoint) read("<endpoint " + NS + "><http method=\"PATCH\" uri-template=\"http://h/\"/>"
                    + "</endpoint>");
            assertEquals(HttpMethod.PATCH, ep.method());
        }

        @Test
        void defaultWithFormat() {
            String xml = "<endpoint " + NS + " name=\"ToBased\"><default format=\"pox\">"
                    + "<timeout><duration>10000</duration></timeout></default></endpoint>";
            assertRoundTrip(xml);
            assertInstanceOf(DefaultEndpoint.class, read(xml));
        }

        @Test
        void keyReferenceIsRecordedForValidation() {
            String xml = "<endpoint " + NS + " key=\"QuoteEP\"/>";
            assertRoundTrip(xml);
            ReadContext ctx = ReadContext.forText("ep.xml", xml);
            IndirectEndpoint ep = assertInstanceOf(IndirectEndpoint.class, ctx.endpoint(ctx.root()));
            assertEquals("QuoteEP", ep.key());
            assertEquals(1, ctx.references().size());
            assertEquals(ReferenceKind.ENDPOINT, ctx.references().get(0).kind());
            assertEquals("QuoteEP", ctx.references().get(0).key());
            assertEquals(1, ctx.references().get(0).location().line());
        }

        @Test
        void keyExpression() {
            String xml = "<endpoint " + NS + " xmlns:m=\"urn:m\" key-expression=\"//m:route\"/>";
            assertRoundTrip(xml);
            assertInstanceOf(ResolvingEndpoint.class, read(xml));
        }

        @Test
        void propertiesAndDescription() {
            assertRoundTrip("<endpoint " + NS + " name=\"P\"><address uri=\"http://h/\"/>"
                    + "<property name=\"a\" value=\"1\"/>"
                    + "<property name=\"X-Trace\" value=\"on\" scope=\"transport\"/>"
                    + "<property name=\"b\" expression=\"get-property('c')\" scope=\"axis2\"/>"
                    + "<description>the quote service</description></endpoint>");
        }
    }

    @Nested
    class Errors {

        @Test
        void addressWithoutUri() {
            ConfigException e = error("<endpoint " + NS + ">\n  <address/>\n</endpoint>");
            assertEquals("<address> needs the attribute 'uri'", e.getMessage());
            assertEquals(2, e.location().line());
        }

        @Test
        void addressThatIsNotHttp() {
            ConfigException e = error("<endpoint " + NS + "><address uri=\"jms:/Queue\"/></endpoint>");
            assertTrue(e.getMessage().contains("absolute http or https URL"), e.getMessage());
        }

        @Test
        void badFormat() {
            ConfigException e = error("<endpoint " + NS + ">\n<address uri=\"http://h/\" format=\"xml\"/></endpoint>");
            assertEquals("attribute 'format' of <address> must be one of soap11, soap12, pox, get, rest, json,"
                    + " leave-as-is, not 'xml'", e.getMessage());
            assertEquals(2, e.location().line());
        }

        @Test
        void unknownTypeListsTheKnownOnes() {
            ConfigException e = error("<endpoint " + NS + ">\n\n  <adress uri=\"http://h/\"/></endpoint>");
            assertEquals("unknown endpoint type <adress>; known types: address, default, failover, http, loadbalance,"
                    + " recipientlist, wsdl", e.getMessage());
            assertEquals(3, e.location().line());
        }

        @Test
        void badNumberInDuration() {
            ConfigException e = error("<endpoint " + NS + "><address uri=\"http://h/\"><timeout>\n"
                    + "<duration>30s</duration></timeout></address></endpoint>");
            assertEquals("<duration> must be a whole number, not '30s'", e.getMessage());
            assertEquals(2, e.location().line());
        }

        @Test
        void negativeDuration() {
            ConfigException e = error("<endpoint " + NS + "><address uri=\"http://h/\"><timeout>"
                    + "<duration>-5</duration></timeout></address></endpoint>");
            assertTrue(e.getMessage().contains("must not be negative"), e.getMessage());
        }

        @Test
        void badResponseAction() {
            ConfigException e = error("<endpoint " + NS + "><address uri=\"http://h/\"><timeout>"
                    + "<responseAction>retry</responseAction></timeout></address></endpoint>");
            assertEquals("<responseAction> must be fault, discard or never, not 'retry'", e.getMessage());
        }

        @Test
        void badErrorCodes() {
            ConfigException e = error("<endpoint " + NS + "><address uri=\"http://h/\"><suspendOnFailure>"
                    + "<errorCodes>101503,abc</errorCodes></suspendOnFailure></address></endpoint>");
            assertTrue(e.getMessage().startsWith("<errorCodes> must list error codes as numbers"), e.getMessage());
        }

        @Test
        void badProgressionFactor() {
            error("<endpoint " + NS + "><address uri=\"http://h/\"><suspendOnFailure>"
                    + "<progressionFactor>fast</progressionFactor></suspendOnFailure></address></endpoint>");
        }

        @Test
        void bothRetryLists() {
            error("<endpoint " + NS + "><address uri=\"http://h/\"><retryConfig><disabledErrorCodes>1</disabledErrorCodes>"
                    + "<enabledErrorCodes>2</enabledErrorCodes></retryConfig></address></endpoint>");
        }

        @Test
        void unknownQosChild() {
            ConfigException e = error("<endpoint " + NS + "><http uri-template=\"http://h/\">"
                    + "<retryPolicy/></http></endpoint>");
            assertTrue(e.getMessage().startsWith("<retryPolicy> is not supported inside <http>"), e.getMessage());
        }

        @Test
        void badAttributeValues() {
            error("<endpoint " + NS + "><address uri=\"http://h/\" optimize=\"gzip\"/></endpoint>");
            error("<endpoint " + NS + "><address uri=\"http://h/\" statistics=\"on\"/></endpoint>");
            error("<endpoint " + NS + "><address uri=\"http://h/\"><enableAddressing version=\"2004\"/></address>"
                    + "</endpoint>");
        }

        @ParameterizedTest
        @ValueSource(strings = {"dynamicLoadbalance", "class"})
        void unsupportedTypes(String type) {
            ConfigException e = error("<endpoint " + NS + "><" + type + "/></endpoint>");
            assertEquals("<" + type + "> endpoints are not supported yet", e.getMessage());
        }

        @Test
        void templates() {
            ConfigException e = error("<endpoint " + NS + " template=\"t\" key=\"k\"/>");
            assertEquals("<endpoint> takes 'template' or 'key', not both", e.getMessage());
            ConfigException child = error("<endpoint " + NS + " template=\"t\"><address uri=\"http://h/\"/></endpoint>");
            assertEquals("<endpoint template=\"t\"> takes <parameter>s, not <address>", child.getMessage());
        }

        @Test
        void noType() {
            ConfigException e = error("<endpoint " + NS + " name=\"x\"><property name=\"a\" value=\"b\"/></endpoint>");
            assertTrue(e.getMessage().startsWith("<endpoint> needs a 'key', a 'key-expression' or one endpoint type"),
                    e.getMessage());
        }

        @Test
        void twoTypes() {
            ConfigException e = error("<endpoint " + NS + "><address uri=\"http://h/\"/>\n<default/></endpoint>");
            assertEquals("<endpoint> holds more than one endpoint type: <address> and <default>", e.getMessage());
            assertEquals(2, e.location().line());
        }

        @Test
        void keyWithType() {
            error("<endpoint " + NS + " key=\"a\"><address uri=\"http://h/\"/></endpoint>");
            error("<endpoint " + NS + " key=\"a\" key-expression=\"//b\"/>");
        }

        @Test
        void badProperty() {
            error("<endpoint " + NS + "><default/><property name=\"a\"/></endpoint>");
            error("<endpoint " + NS + "><default/><property name=\"a\" value=\"1\" scope=\"registry\"/></endpoint>");
        }

        @Test
        void badUriTemplate() {
            ConfigException e = error("<endpoint " + NS + "><http uri-template=\"http://h/{uri.var.id\"/></endpoint>");
            assertTrue(e.getMessage().startsWith("attribute 'uri-template' of <http> is not a valid URI template"),
                    e.getMessage());
            error("<endpoint " + NS + "><http uri-template=\"ftp://h/{x}\"/></endpoint>");
        }

        @Test
        void badMethod() {
            ConfigException e = error("<endpoint " + NS + "><http method=\"fetch\" uri-template=\"http://h/\"/></endpoint>");
            assertTrue(e.getMessage().startsWith("attribute 'method' of <http> must be one of get, post"), e.getMessage());
        }

        @Test
        void notAnEndpoint() {
            error("<address " + NS + " uri=\"http://h/\"/>");
        }
    }
}
