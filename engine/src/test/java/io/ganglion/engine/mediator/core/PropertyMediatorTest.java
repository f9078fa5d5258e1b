package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertErrorAtLine;
import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.testing.MediationHarness;
import org.apache.axiom.om.OMElement;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyMediatorTest {

    private final MediationHarness harness = new MediationHarness();

    private MessageContext order() {
        return harness.request("application/xml", "<order><id>42</id><item><sku>a&amp;b</sku></item></order>");
    }

    private Object run(String xml, MessageContext ctx, Scope scope, String name) {
        assertTrue(read(xml).mediate(ctx));
        return ctx.getProperty(scope, name);
    }

    @Nested
    class Set {
        @Test
        void staticValueInTheDefaultScope() {
            assertEquals("v&w", run("<property name=\"p\" value=\"v&amp;w\"/>", order(), Scope.DEFAULT, "p"));
        }

        @Test
        void expressionOverTheBody() {
            assertEquals("42", run("<property name=\"p\" expression=\"//order/id\"/>", order(), Scope.DEFAULT, "p"));
        }

        @ParameterizedTest
        @CsvSource({
            "INTEGER, 42, 42, java.lang.Integer",
            "LONG, 42, 42, java.lang.Long",
            "SHORT, 42, 42, java.lang.Short",
            "DOUBLE, 4.5, 4.5, java.lang.Double",
            "FLOAT, 4.5, 4.5, java.lang.Float",
            "BOOLEAN, TRUE, true, java.lang.Boolean",
            "BOOLEAN, yes, false, java.lang.Boolean",
            "STRING, 42, 42, java.lang.String"
        })
        void typesConvertStaticValues(String type, String value, String expected, Class<?> javaType) {
            Object v = run("<property name=\"p\" type=\"" + type + "\" value=\"" + value + "\"/>", order(),
                    Scope.DEFAULT, "p");
            assertInstanceOf(javaType, v);
            assertEquals(expected, String.valueOf(v));
        }

        @Test
        void typesConvertExpressionValues() {
            assertEquals(42, run("<property name=\"p\" type=\"INTEGER\" expression=\"//order/id\"/>", order(),
                    Scope.DEFAULT, "p"));
        }

        @Test
        void omFromAStringIsParsedAndCopiedPerMessage() {
            Mediator m = read("<property name=\"p\" type=\"OM\" value=\"&lt;a&gt;1&lt;/a&gt;\"/>");
            MessageContext a = order();
            MessageContext b = order();
            m.mediate(a);
            m.mediate(b);
            OMElement ea = (OMElement) a.getProperty("p");
            assertEquals("a", ea.getLocalName());
            assertEquals("1", ea.getText());
            assertNotSame(ea, b.getProperty("p"));
        }

        @Test
        void omFromAnExpressionCopiesTheSelectedElement() {
            MessageContext ctx = order();
            OMElement item = (OMElement) run("<property name=\"p\" type=\"OM\" expression=\"//order/item\"/>", ctx,
                    Scope.DEFAULT, "p");
            assertEquals("item", item.getLocalName());
            assertEquals("a&b", item.getFirstElement().getText());
            assertNotSame(ctx.payload().firstElement().getFirstChildWithName(item.getQName()), item);
        }

        @Test
        void inlineXmlIsAnOmValue() {
            OMElement v = (OMElement) run("<property name=\"p\"><m:cfg xmlns:m=\"urn:m\"><k>v</k></m:cfg></property>",
                    order(), Scope.DEFAULT, "p");
            assertEquals("urn:m", v.getNamespace().getNamespaceURI());
            assertEquals("v", v.getFirstElement().getText());
        }

        @Test
        void jsonValueIsATree() {
            JsonNode n = (JsonNode) run("<property name=\"p\" type=\"JSON\" value='{\"a\":[1,2]}'/>", order(),
                    Scope.DEFAULT, "p");
            assertEquals(2, n.get("a").get(1).asInt());
        }

        @Test
        void patternAndGroupPickPartOfTheValue() {
            assertEquals("123", run("<property name=\"p\" value=\"abc-123\" pattern=\"([a-z]+)-(\\d+)\" group=\"2\"/>",
                    order(), Scope.DEFAULT, "p"));
            assertEquals("abc-123", run("<property name=\"p\" value=\"abc-123\" pattern=\"[a-z]+-\\d+\"/>",
                    order(), Scope.DEFAULT, "p"));
            // Synapse requires a full match; anything else gives the empty string.
            assertEquals("", run("<property name=\"p\" value=\"abc-123\" pattern=\"\\d+\"/>", order(), Scope.DEFAULT, "p"));
            assertEquals("", run("<property name=\"p\" value=\"abc\" pattern=\"abc\" group=\"3\"/>", order(),
                    Scope.DEFAULT, "p"));
            assertEquals(42, run("<property name=\"p\" type=\"INTEGER\" expression=\"concat('id:', //order/id)\""
                    + " pattern=\"id:(\\d+)\" group=\"1\"/>", order(), Scope.DEFAULT, "p"));
        }

        @Test
        void synapseScopeIsTheDefaultScope() {
            assertEquals("v", run("<property name=\"p\" value=\"v\" scope=\"synapse\"/>", order(), Scope.DEFAULT, "p"));
        }

        @Test
        void transportScopeSetsAnHttpHeader() {
            MessageContext ctx = order();
            run("<property name=\"X-Id\" expression=\"//order/id\" scope=\"transport\"/>", ctx, Scope.TRANSPORT, "X-Id");
            assertEquals("42", ctx.headers().get("x-id"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"axis2", "axis2-client"})
        void axis2ScopesHoldEngineKnobs(String scope) {
            MessageContext ctx = order();
            read("<property name=\"HTTP_SC\" value=\"404\" scope=\"" + scope + "\"/>").mediate(ctx);
            read("<property name=\"messageType\" value=\"application/json\" scope=\"" + scope + "\"/>").mediate(ctx);
            assertEquals("404", ctx.getAxis2Property("HTTP_SC"));
            assertEquals("application/json", ctx.getAxis2Property("messageType"));
            assertNull(ctx.getProperty("HTTP_SC"));
        }

        @Test
        void toIsAnOrdinaryProperty() {
            MessageContext ctx = order();
            read("<property name=\"To\" value=\"http://elsewhere/\"/>").mediate(ctx);
            assertEquals("/", ctx.getTo());
            assertEquals("http://elsewhere/", ctx.getProperty("To"));
        }

        @Test
        void aBadExpressionValueIsAMediationError() {
            Mediator m = read("<property name=\"p\" type=\"INTEGER\" expression=\"//item/sku\"/>");
            MediationException e = assertThrows(MediationException.class, () -> m.mediate(order()));
            assertTrue(e.getMessage().contains("'p'"), e.getMessage());
            assertThrows(MediationException.class,
                    () -> read("<property name=\"p\" type=\"JSON\" expression=\"//item/sku\"/>").mediate(order()));
        }
    }

    @Nested
    class Remove {
        @Test
        void fromEachScope() {
            MessageContext ctx = order();
            ctx.setProperty("p", "v");
            ctx.setAxis2Property("NO_ENTITY_BODY", Boolean.TRUE);
            ctx.headers().set("X-A", "1");
            read("<property name=\"p\" action=\"remove\"/>").mediate(ctx);
            read("<property name=\"NO_ENTITY_BODY\" action=\"remove\" scope=\"axis2\"/>").mediate(ctx);
            read("<property name=\"X-A\" action=\"remove\" scope=\"transport\"/>").mediate(ctx);
            assertNull(ctx.getProperty("p"));
            assertNull(ctx.getAxis2Property("NO_ENTITY_BODY"));
            assertFalse(ctx.headers().contains("X-A"));
            assertTrue(ctx.headers().contains("Content-Type"));
        }

        @Test
        void transportHeadersInAxis2ScopeClearsEveryHeader() {
            MessageContext ctx = order();
            ctx.headers().set("X-A", "1").set("X-B", "2");
            read("<property name=\"TRANSPORT_HEADERS\" action=\"remove\" scope=\"axis2\"/>").mediate(ctx);
            assertTrue(ctx.headers().isEmpty());
        }
    }

    @Test
    void readsBodyOnlyForExpressions() {
        assertFalse(read("<property name=\"p\" value=\"v\"/>").readsBody());
        assertFalse(read("<property name=\"p\" action=\"remove\"/>").readsBody());
        assertTrue(read("<property name=\"p\" expression=\"//id\"/>").readsBody());
    }

    @Test
    void roundTrips() {
        assertRoundTrip("<property name=\"p\" value=\"v\"/>");
        assertRoundTrip("<property name=\"p\" scope=\"transport\" expression=\"//order/id\"/>");
        assertRoundTrip("<property xmlns:m=\"urn:m\" name=\"p\" scope=\"axis2-client\" type=\"INTEGER\""
                + " expression=\"//m:id\" pattern=\"(\\d+).*\" group=\"1\"/>");
        assertRoundTrip("<property name=\"p\" type=\"OM\" value=\"&lt;a/&gt;\"/>");
        assertRoundTrip("<property name=\"p\" type=\"JSON\" value='{\"a\":1}'/>");
        assertRoundTrip("<property name=\"p\" scope=\"axis2\"><m:cfg xmlns:m=\"urn:m\" a=\"1\"><k/></m:cfg></property>");
        assertRoundTrip("<property name=\"TRANSPORT_HEADERS\" action=\"remove\" scope=\"axis2\"/>");
    }

    @Test
    void badInputIsLocated() {
        ConfigException e = assertErrorAtLine(
                "<filter xpath=\"true()\">\n  <property name=\"p\" value=\"v\" scope=\"operation\"/>\n</filter>", 2);
        assertTrue(e.getMessage().contains("unknown scope 'operation'"), e.getMessage());
        assertErrorAtLine("<property value=\"v\"/>", 1);
        assertErrorAtLine("<property name=\"p\"/>", 1);
        assertErrorAtLine("<property name=\"p\" value=\"v\" expression=\"//a\"/>", 1);
        assertErrorAtLine("<property name=\"p\"\n expression=\"//a[\"/>", 1);
        assertErrorAtLine("<property name=\"p\" value=\"x\" type=\"INTEGER\"/>", 1);
        assertErrorAtLine("<property name=\"p\" value=\"x\" type=\"DATE\"/>", 1);
        assertErrorAtLine("<property name=\"p\" value=\"&lt;a\" type=\"OM\"/>", 1);
        assertErrorAtLine("<property name=\"p\" value=\"x\" scope=\"system\"/>", 1);
        assertErrorAtLine("<property name=\"p\" value=\"x\" action=\"toggle\"/>", 1);
        assertErrorAtLine("<property name=\"p\" value=\"x\" pattern=\"(\"/>", 1);
        assertErrorAtLine("<property name=\"p\" value=\"x\" type=\"STRING\"><a/></property>", 1);
    }
}
