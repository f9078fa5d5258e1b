package io.ganglion.engine.xpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.ganglion.engine.json.JsonXml;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Payload;
import io.ganglion.engine.message.format.ContentTypes;
import io.ganglion.engine.message.format.MessageBuilder;
import io.ganglion.engine.spi.RawBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.axiom.om.OMElement;

/**
 * WSO2's {@code json-eval(<JSONPath>)}: a Jayway JSONPath over the message's JSON. An unbuilt
 * JSON body is parsed from its bytes (once per message); a built one is converted from the SOAP
 * body first. Strings give their text, objects and arrays compact JSON, a missing path (or null)
 * the empty string. Thread-safe: immutable.
 */
final class JsonEvalXPath implements SynapseXPath {

    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JsonXml.mapper()))
            .mappingProvider(new JacksonMappingProvider(JsonXml.mapper()))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final String expression;
    private final Map<String, String> namespaces;
    private final JsonPath path;

    private JsonEvalXPath(String expression, Map<String, String> namespaces, JsonPath path) {
        this.expression = expression;
        this.namespaces = namespaces;
        this.path = path;
    }

    static JsonEvalXPath compile(String expression, String jsonPath, Map<String, String> namespaces) {
        try {
            return new JsonEvalXPath(expression, namespaces, JsonPath.compile(jsonPath));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new XPathSyntaxException("invalid JSONPath in '" + expression + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public Map<String, String> namespaces() {
        return namespaces;
    }

    @Override
    public boolean readsBody() {
        return true;
    }

    @Override
    public String stringValueOf(MessageContext ctx) {
        return text(read(messageJson(ctx)));
    }

    @Override
    public boolean booleanValueOf(MessageContext ctx) {
        Object r = read(messageJson(ctx));
        if (r == null) {
            return false;
        }
        if (r instanceof Boolean b) {
            return b;
        }
        if (r instanceof Number n) {
            return n.doubleValue() != 0 && !Double.isNaN(n.doubleValue());
        }
        if (r instanceof String s) {
            return !s.isEmpty();
        }
        JsonNode node = (JsonNode) r;
        return !node.isNull() && !node.isMissingNode() && !(node.isArray() && node.isEmpty());
    }

    @Override
    public List<Object> selectNodes(MessageContext ctx) {
        return nodes(read(messageJson(ctx)));
    }

    @Override
    public Object evaluate(MessageContext ctx) {
        return raw(read(messageJson(ctx)));
    }

    @Override
    public Object evaluate(MessageContext ctx, Object contextNode) {
        JsonNode root;
        if (contextNode instanceof JsonNode n) {
            root = n;
        } else if (contextNode instanceof OMElement el) {
            root = JsonXml.toJsonTree(el);
        } else {
            root = messageJson(ctx);
        }
        return raw(read(root));
    }

    private Object read(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            return null;
        }
        Object r = path.read(root, JSON_PATH);
        if (r instanceof JsonNode n && n.isValueNode()) {
            // scalars as Java values, so that strings give their text and numbers compare as numbers
            if (n.isTextual()) {
                return n.asText();
            }
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isNumber()) {
                return n.numberValue();
            }
            return n.isNull() ? null : n.asText();
        }
        return r instanceof JsonNode n && n.isMissingNode() ? null : r;
    }

    private static String text(Object r) {
        if (r == null) {
            return "";
        }
        if (r instanceof JsonNode node) {
            return node.isValueNode() ? node.asText() : JsonXml.toText(node);
        }
        return r.toString();
    }

    private static Object raw(Object r) {
        if (r == null) {
            return "";
        }
        if (r instanceof Number n) {
            return n.doubleValue();
        }
        if (r instanceof String || r instanceof Boolean) {
            return r;
        }
        return text(r);
    }

    private static List<Object> nodes(Object r) {
        List<Object> list = new ArrayList<>();
        if (r instanceof JsonNode node && node.isArray()) {
            node.forEach(list::add);
        } else if (r != null) {
            list.add(r);
        }
        return list;
    }

    /** The message's JSON: parsed from the unbuilt wire body, or converted from the built body. */
    static JsonNode messageJson(MessageContext ctx) {
        Payload p = ctx.payload();
        if (!p.isBuilt()) {
            if (p.wireView() instanceof JsonNode cached) {
                return cached;
            }
            RawBody raw = p.raw();
            String type = ContentTypes.mediaType(raw == null ? null : raw.contentType());
            if (type.isEmpty() || ContentTypes.isJson(type)) {
                byte[] bytes = p.readBytes();
                if (bytes.length == 0) {
                    return JsonXml.mapper().missingNode();
                }
                if (ContentTypes.isJson(type) || MessageBuilder.looksLikeJson(bytes)) {
                    JsonNode tree = JsonXml.parseTree(bytes);
                    p.setWireView(tree);
                    return tree;
                }
            }
        }
        OMElement first = p.envelope().getBody().getFirstElement();
        return first == null ? JsonXml.mapper().missingNode() : JsonXml.toJsonTree(first);
    }

    @Override
    public String toString() {
        return expression;
    }
}
