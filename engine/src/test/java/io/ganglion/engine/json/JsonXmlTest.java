package io.ganglion.engine.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.engine.message.PayloadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.om.OMXMLBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonXmlTest {

    private static String roundTrip(String json) {
        return JsonXml.toJsonString(JsonXml.toXml(json));
    }

    /** Through XML text too: the markers must survive serialization and parsing. */
    private static String roundTripAsText(String json) {
        String xml = JsonXml.toXml(json).toString();
        OMElement reparsed = OMXMLBuilderFactory
                .createOMBuilder(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        return JsonXml.toJsonString(reparsed);
    }

    private static String xmlToJson(String xml) {
        OMElement el = OMXMLBuilderFactory
                .createOMBuilder(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        return JsonXml.toJsonString(el);
    }

    @Nested
    class RoundTrips {

        @ParameterizedTest
        @ValueSource(strings = {
            "{\"a\":1,\"b\":\"x\",\"c\":true,\"d\":false,\"e\":null}",
            "{\"arr\":[1,2,3]}",
            "{\"one\":[1]}",
            "{\"none\":[]}",
            "[1,2]",
            "[]",
            "[{\"a\":1}]",
            "[[1,2],[],[[3]]]",
            "{\"m\":[[1],[2,3]]}",
            "{\"o\":{\"p\":{\"q\":{\"r\":\"deep\"}}}}",
            "{\"n\":[0,-1,1.5,-2.25,1e10,1.0E-5,-0.0,12345678901234567890123]}",
            "{\"s\":[\"123\",\"true\",\"false\",\"1.5\",\"null\",\"\",\" \",\"007\"]}",
            "{\"u\":\"h\u00e9llo \u4e16\u754c \ud83d\ude00\",\"\ud83d\ude00\":\"emoji key\"}",
            "{\"empty\":{},\"list\":[{},{}],\"str\":\"\"}",
            "{}",
            "{\"1st\":1,\"first name\":2,\"$\":3,\"@id\":4,\"a:b\":5,\"_x\":6,\"\":7,\"x_x0041_\":8,\"jsonArray\":9}",
            "{\"obj\":{\"arr\":[{\"x\":[null,{\"y\":[]}]}]}}",
            "\"just a string\"",
            "42",
            "null",
            "{\"jsonElement\":[1],\"jsonArray\":{\"x\":1}}",
            "{\"a\":1,\"b\":[true,false]}",
            "{\"xmlns\":\"x\",\"xml\":{\"xmlns\":[1]}}",
        })
        void jsonSurvivesXml(String json) {
            assertEquals(json, roundTrip(json));
            assertEquals(json, roundTripAsText(json));
        }

        @Test
        void escapesSurvive() {
            String json = "{\"t\":\"line\\nbreak \\\"quoted\\\" tab\\t <tag> & amp\"}";
            assertEquals(json, roundTrip(json));
        }
    }

    @Nested
    class Mapping {

        @Test
        void objectsAndArraysLookLikeWso2() {
            OMElement root = JsonXml.toXml("{\"order\":{\"id\":1,\"items\":[\"a\"]}}");
            assertEquals("<jsonObject><order><id>1</id><?xml-multiple items?><items>a</items></order></jsonObject>",
                    root.toString());
            assertEquals("<jsonArray><?xml-multiple jsonElement?><jsonElement>1</jsonElement></jsonArray>",
                    JsonXml.toXml("[1]").toString());
        }

        @Test
        void stringsThatLookLikeNumbersAreMarked() {
            assertEquals("<jsonObject><id><?json-string ?>123</id><n>123</n></jsonObject>",
                    JsonXml.toXml("{\"id\":\"123\",\"n\":123}").toString());
        }

        @Test
        void nullIsNil() {
            String xml = JsonXml.toXml("{\"a\":null}").toString();
            assertTrue(xml.contains("nil=\"true\""), xml);
        }

        @Test
        void emptyInputHasNoRoot() {
            assertNull(JsonXml.toXml("   "));
        }
    }

    @Nested
    class PlainXml {

        @Test
        void payloadFactoryStyleXml() {
            assertEquals("{\"order\":{\"id\":1,\"name\":\"pen\"}}", xmlToJson("<order><id>1</id><name>pen</name></order>"));
        }

        @Test
        void attributesRepeatsAndText() {
            assertEquals("{\"r\":{\"@v\":2,\"item\":[\"a\",\"b\"],\"price\":{\"@cur\":\"EUR\",\"$\":9.5}}}",
                    xmlToJson("<r v=\"2\"><item>a</item><item>b</item><price cur=\"EUR\">9.5</price></r>"));
        }

        @Test
        void namespacesWhitespaceAndEmptyElements() {
            assertEquals("{\"order\":{\"id\":\"007\",\"note\":null,\"flag\":true}}",
                    xmlToJson("<m:order xmlns:m=\"urn:m\">\n  <m:id>007</m:id>\n  <m:note/>\n  <m:flag>true</m:flag>\n</m:order>"));
        }

        @Test
        void xmlMultipleForcesArrays() {
            assertEquals("{\"r\":{\"item\":[\"only\"]}}", xmlToJson("<r><?xml-multiple?><item>only</item></r>"));
            assertEquals("{\"r\":{\"item\":[\"only\"]}}", xmlToJson("<r><?xml-multiple item?><item>only</item></r>"));
        }

        @Test
        void treesForJsonPath() {
            JsonNode tree = JsonXml.toJsonTree(JsonXml.toXml("{\"a\":1,\"b\":\"1\",\"c\":[1.5]}"));
            assertTrue(tree.get("a").isIntegralNumber());
            assertTrue(tree.get("b").isTextual());
            assertEquals(1.5, tree.get("c").get(0).asDouble());
        }
    }

    @Nested
    class Limits {

        @Test
        void malformedJsonIs400() {
            PayloadException e = assertThrows(PayloadException.class, () -> JsonXml.toXml("{\"a\":"));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
            assertThrows(PayloadException.class, () -> JsonXml.toXml("{\"a\":1} x"));
            assertThrows(PayloadException.class, () -> JsonXml.toXml("[1,]"));
        }

        @Test
        void nestingOverTheLimitIs400() {
            String deep = "[".repeat(JsonXml.MAX_DEPTH + 1) + "]".repeat(JsonXml.MAX_DEPTH + 1);
            PayloadException e = assertThrows(PayloadException.class, () -> JsonXml.toXml(deep));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains("limit"), e.getMessage());
            String ok = "[".repeat(JsonXml.MAX_DEPTH) + "]".repeat(JsonXml.MAX_DEPTH);
            assertEquals(ok, roundTrip(ok));
        }
    }

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"a", "1st", "first name", "$", "@id", "a:b", "_x", "_x_", "", "x_x0041_", "\ud83d\ude00",
            "caf\u00e9", "-dash", ".dot", "a-b.c_d", "xml", "\u0000"})
        void namesRoundTrip(String key) {
            String xml = JsonNames.toXml(key);
            assertTrue(JsonNames.isNcName(xml), xml);
            assertEquals(key, JsonNames.fromXml(xml));
        }

        @Test
        void validNamesAreKept() {
            assertEquals("orderId", JsonNames.toXml("orderId"));
            assertEquals("_x0031_st", JsonNames.toXml("1st"));
            assertEquals("first_x0020_name", JsonNames.toXml("first name"));
        }
    }
}
