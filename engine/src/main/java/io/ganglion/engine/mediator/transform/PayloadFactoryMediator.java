package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.config.LocalEntry;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.format.MessageBuilder;
import io.ganglion.engine.xml.SynapseNs;
import io.ganglion.engine.xpath.SynapseXPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPEnvelope;

/**
 * Replaces the payload with a template whose {@code $1..$n} are filled from arguments.
 *
 * <pre>{@code
 * <payloadFactory [media-type="xml|json|text"] [template-type="default"]>
 *   <format>xml element | json text</format> | <format key="localEntryKey"/>
 *   <args>
 *     <arg (value="literal" | expression="xpath" [evaluator="xml|json"]) [literal="true|false"]/>*
 *   </args>
 * </payloadFactory>
 * }</pre>
 *
 * <p>xml: the result replaces the body's first child (or the whole envelope when it is one); an
 * argument that is well-formed XML is inserted as XML unless {@code literal="true"}. json: the
 * result becomes the JSON payload and messageType is set to application/json; values are escaped
 * inside JSON strings. Thread-safe: immutable apart from the cache of a keyed format, which is
 * swapped atomically.
 */
public final class PayloadFactoryMediator implements Mediator {

    /** The payload kind produced, as the {@code media-type} attribute names it. */
    public enum MediaType {
        XML("xml"), JSON("json"), TEXT("text");

        private final String xmlName;

        MediaType(String xmlName) {
            this.xmlName = xmlName;
        }

        public String xmlName() {
            return xmlName;
        }

        /** Parses the attribute; null for an unknown value. */
        public static MediaType fromXml(String s) {
            for (MediaType m : values()) {
                if (m.xmlName.equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return m;
                }
            }
            return null;
        }
    }

    /**
     * One argument: a literal value or an expression (an XPath, or a JSONPath when
     * {@code json} is set, compiled as {@code json-eval(path)}).
     *
     * @param value the literal value, or null
     * @param expression the compiled expression, or null
     * @param source the expression as written (JSONPath text for the json evaluator)
     * @param evaluator the evaluator attribute as written, or null
     * @param literal true to insert the value as text even when it is XML or JSON
     */
    public record Arg(String value, SynapseXPath expression, String source, String evaluator, boolean literal) {

        boolean json() {
            return "json".equalsIgnoreCase(evaluator);
        }

        String valueFor(MessageContext ctx) {
            if (expression == null) {
                return value;
            }
            return json() ? expression.stringValueOf(ctx) : XmlSupport.stringValue(expression.evaluate(ctx));
        }
    }

    /**
     * Where the format comes from: inline (element or text) or a local entry key.
     *
     * @param xml the inline element, or null
     * @param text the inline text, or null
     * @param key the local entry key, or null
     */
    public record Format(OMElement xml, String text, String key) {}

    private record Keyed(LocalEntry entry, PayloadTemplate template) {}

    static final String PAYLOAD_TEXT_NS = "http://ws.apache.org/commons/ns/payload";
    private static final String SYNAPSE_DEFAULT_NS = " xmlns=\"" + SynapseNs.URI + "\"";

    private final MediaType mediaType;
    private final String mediaTypeAttribute;
    private final String templateType;
    private final Format format;
    private final PayloadTemplate inline;
    private final List<Arg> args;
    private final boolean readsBody;
    /** The compiled keyed format, remembered with the entry it came from so a redeploy recompiles it. */
    private final AtomicReference<Keyed> keyed = new AtomicReference<>();

    /**
     * @param mediaTypeAttribute the media-type attribute as written, or null (xml)
     * @param templateType the template-type attribute as written, or null
     */
    public PayloadFactoryMediator(String mediaTypeAttribute, String templateType, Format format, List<Arg> args) {
        this.mediaTypeAttribute = mediaTypeAttribute;
        this.mediaType = mediaTypeAttribute == null ? MediaType.XML : MediaType.fromXml(mediaTypeAttribute);
        if (mediaType == null) {
            throw new IllegalArgumentException("unknown media-type '" + mediaTypeAttribute + "'");
        }
        this.templateType = templateType;
        this.format = format;
        this.args = List.copyOf(args);
        this.inline = format.key() == null ? compile(format.xml(), format.text()) : null;
        boolean reads = false;
        for (Arg a : this.args) {
            reads |= a.expression() != null && a.expression().readsBody();
        }
        this.readsBody = reads;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public String mediaTypeAttribute() {
        return mediaTypeAttribute;
    }

    public String templateType() {
        return templateType;
    }

    public Format format() {
        return format;
    }

    public List<Arg> args() {
        return args;
    }

    @Override
    public boolean readsBody() {
        return readsBody;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        List<PayloadTemplate.ArgValue> values = new ArrayList<>(args.size());
        for (Arg a : args) {
            values.add(new PayloadTemplate.ArgValue(a.valueFor(ctx), a.literal()));
        }
        String result = template(ctx).render(values);
        switch (mediaType) {
            case JSON -> applyJson(ctx, result);
            case TEXT -> applyText(ctx, result);
            default -> applyXml(ctx, result);
        }
        return true;
    }

    private PayloadTemplate template(MessageContext ctx) {
        if (inline != null) {
            return inline;
        }
        LocalEntry entry = ctx.config().localEntry(format.key());
        if (entry == null) {
            throw new MediationException("payloadFactory: the format's local entry '" + format.key() + "' is not deployed");
        }
        Keyed k = keyed.get();
        if (k == null || k.entry() != entry) {
            OMElement xml = entry.xml();
            if (xml != null && "format".equals(xml.getLocalName()) && SynapseNs.URI.equals(xml.getNamespaceURI())) {
                xml = xml.getFirstElement();
            }
            k = new Keyed(entry, compile(xml, xml == null ? entry.text() : null));
            keyed.set(k);
        }
        return k.template();
    }

    private PayloadTemplate compile(OMElement xml, String text) {
        String source;
        if (xml != null) {
            // Unprefixed format elements inherit the configuration's namespace; the payload must not.
            source = XmlSupport.serialize(xml).replace(SYNAPSE_DEFAULT_NS, "");
        } else {
            source = text == null ? "" : text.strip();
        }
        return switch (mediaType) {
            case JSON -> PayloadTemplate.json(source);
            case TEXT -> PayloadTemplate.text(source);
            default -> PayloadTemplate.xml(source);
        };
    }

    private static void applyXml(MessageContext ctx, String result) {
        OMElement el;
        try {
            el = XmlSupport.parse(result);
        } catch (IllegalArgumentException e) {
            throw new MediationException("payloadFactory produced malformed XML: " + e.getMessage(), e);
        }
        if (XmlSupport.isEnvelope(el)) {
            ctx.payload().setEnvelope(XmlSupport.toEnvelope(el));
        } else {
            XmlSupport.replaceBody(ctx, el);
        }
        if (XmlSupport.isJsonMessage(ctx)) {
            XmlSupport.setMessageType(ctx, "application/xml");
        }
    }

    private static void applyJson(MessageContext ctx, String result) {
        SOAPEnvelope json;
        try {
            json = MessageBuilder.build(result.getBytes(StandardCharsets.UTF_8), "application/json");
        } catch (RuntimeException e) {
            throw new MediationException("payloadFactory produced malformed JSON: " + e.getMessage(), e);
        }
        if (ctx.payload().isBuilt()) {
            OMElement first = json.getBody().getFirstElement();
            if (first != null) {
                first.detach();
            }
            ctx.payload().setFirstElement(first);
        } else {
            ctx.payload().setEnvelope(json);
        }
        XmlSupport.setMessageType(ctx, "application/json");
    }

    private static void applyText(MessageContext ctx, String result) {
        var f = XmlSupport.factory();
        OMElement text = f.createOMElement("text", f.createOMNamespace(PAYLOAD_TEXT_NS, ""));
        text.setText(result);
        XmlSupport.replaceBody(ctx, text);
        XmlSupport.setMessageType(ctx, "text/plain");
    }
}
