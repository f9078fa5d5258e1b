package io.ganglion.engine.xpath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.PayloadException;
import io.ganglion.engine.testing.MediationHarness;
import java.util.List;
import java.util.Map;
import org.apache.axiom.om.OMElement;
import org.junit.jupiter.api.Test;

class JsonEvalXPathTest {

    private static final String ORDER = "{\"order\":{\"id\":\"A-1\",\"qty\":3,\"price\":9.5,\"paid\":true,"
            + "\"note\":null,\"code\":\"123\",\"items\":[{\"sku\":\"p\"},{\"sku\":\"q\"}],\"tags\":[]}}";

    private final MediationHarness harness = new MediationHarness();

    private static SynapseXPath json(String path) {
        return SynapseXPath.compile("json-eval(" + path + ")", Map.of());
    }

    private MessageContext order() {
        return harness.request("application/json", ORDER);
    }

    @Test
    void scalarsGiveTheirText() {
        MessageContext ctx = order();
        assertEquals("A-1", json("$.order.id").stringValueOf(ctx));
        assertEquals("3", json("$.order.qty").stringValueOf(ctx));
        assertEquals("9.5", json("$.order.price").stringValueOf(ctx));
        assertEquals("true", json("$.order.paid").stringValueOf(ctx));
        assertEquals("123", json("$.order.code").stringValueOf(ctx));
        assertEquals("p", json("$.order.items[0].sku").stringValueOf(ctx));
    }

    @Test
    void objectsAndArraysGiveCompactJson() {
        MessageContext ctx = order();
        assertEquals("{\"sku\":\"p\"}", json("$.order.items[0]").stringValueOf(ctx));
        assertEquals("[\"p\",\"q\"]", json("$.order.items[*].sku").stringValueOf(ctx));
        assertEquals("[]", json("$.order.tags").stringValueOf(ctx));
    }

    @Test
    void missingAndNullGiveTheEmptyString() {
        MessageContext ctx = order();
        assertEquals("", json("$.order.nothing").stringValueOf(ctx));
        assertEquals("", json("$.nope.deeper").stringValueOf(ctx));
        assertEquals("", json("$.order.note").stringValueOf(ctx));
        assertFalse(json("$.order.nothing").booleanValueOf(ctx));
        assertTrue(json("$.order.paid").booleanValueOf(ctx));
        assertEquals(List.of(), json("$.order.nothing").selectNodes(ctx));
    }

    @Test
    void unbuiltPayloadIsParsedWithoutBuildingTheEnvelope() {
        MessageContext ctx = order();
        assertTrue(json("$.order.id").readsBody());
        assertEquals("A-1", json("$.order.id").stringValueOf(ctx));
        assertFalse(ctx.payload().isBuilt());
    }

    @Test
    void builtPayloadIsConvertedFromTheBody() {
        MessageContext ctx = order();
        ctx.payload().envelope();
        assertEquals("A-1", json("$.order.id").stringValueOf(ctx));
        assertEquals("123", json("$.order.code").stringValueOf(ctx));
        assertEquals("[\"p\",\"q\"]", json("$.order.items[*].sku").stringValueOf(ctx));
        OMElement id = (OMElement) SynapseXPath.compile("//order/id", Map.of()).selectNodes(ctx).get(0);
        id.setText("B-2");
        assertEquals("B-2", json("$.order.id").stringValueOf(ctx));
    }

    @Test
    void xmlPayloadsAreReadAsTheirJsonForm() {
        MessageContext ctx = harness.request("application/xml", "<order><id>7</id></order>");
        assertEquals("7", json("$.order.id").stringValueOf(ctx));
    }

    @Test
    void selectNodesGivesTheMatchedValues() {
        MessageContext ctx = order();
        List<Object> items = json("$.order.items").selectNodes(ctx);
        assertEquals(2, items.size());
        assertInstanceOf(JsonNode.class, items.get(0));
        assertEquals(List.of("A-1"), json("$.order.id").selectNodes(ctx));
        assertEquals(2, json("$.order.items[*].sku").selectNodes(ctx).size());
    }

    @Test
    void rawValues() {
        MessageContext ctx = order();
        assertEquals(3.0, json("$.order.qty").evaluate(ctx));
        assertEquals(Boolean.TRUE, json("$.order.paid").evaluate(ctx));
        assertEquals("{\"sku\":\"q\"}", json("$.order.items[1]").evaluate(ctx));
        JsonNode item = (JsonNode) json("$.order.items").selectNodes(ctx).get(1);
        assertEquals("q", json("$.sku").evaluate(ctx, item));
    }

    @Test
    void topLevelArrays() {
        MessageContext ctx = harness.request("application/json", "[{\"a\":1},{\"a\":2}]");
        assertEquals("2", json("$[1].a").stringValueOf(ctx));
        assertEquals("2", json("$.length()").stringValueOf(ctx));
    }

    @Test
    void badPathsAreCompileErrors() {
        XPathSyntaxException e = assertThrows(XPathSyntaxException.class, () -> json("$.a[?(@.b ==]"));
        assertTrue(e.getMessage().contains("json-eval($.a[?(@.b ==])"), e.getMessage());
    }

    @Test
    void malformedJsonIs400() {
        MessageContext ctx = harness.request("application/json", "{\"a\":");
        PayloadException e = assertThrows(PayloadException.class, () -> json("$.a").stringValueOf(ctx));
        assertEquals(400, e.status());
    }
}
