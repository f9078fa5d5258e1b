package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.LocalEntry;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.Value;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.xpath.SynapseXPath;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.ErrorListener;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.axiom.om.OMElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transforms part of the message with an XSLT stylesheet held in a local entry.
 *
 * <pre>{@code
 * <xslt key="localEntryKey | {xpath}" [source="xpath"] [target="propertyName"]>
 *   <property name="param" (value="text" | expression="xpath")/>*
 *   <feature name="uri" value="true|false"/>*
 *   <attribute name="uri" value="text"/>*
 *   <resource location="href" key="localEntryKey"/>*
 * </xslt>
 * }</pre>
 *
 * <p>The source (default: the body's first child) is replaced by the result, or the result is
 * stored in the {@code target} property. Properties become stylesheet parameters; resources answer
 * {@code xsl:import}/{@code xsl:include} hrefs from local entries. Stylesheets run on the JDK's
 * XSLT with secure processing and no external access. Thread-safe: immutable configuration; the
 * compiled stylesheets live in a concurrent cache keyed by entry key.
 */
public final class XsltMediator implements Mediator {

    private static final Logger LOG = LoggerFactory.getLogger(XsltMediator.class);

    /** Synapse's own switches (DOM/stream handling); meaningless for the JDK engine, so ignored. */
    static final String SYNAPSE_FEATURE_PREFIX = "http://ws.apache.org/ns/synapse/transform/feature/";

    /**
     * A stylesheet parameter.
     *
     * @param name the parameter name
     * @param value the literal value, or null
     * @param expression the expression, or null
     */
    public record Param(String name, String value, SynapseXPath expression) {}

    /** A factory feature or attribute as written ({@code value} is the text of the value attribute). */
    public record Setting(String name, String value) {}

    /** An import/include target: {@code location} as the stylesheet names it, served from {@code key}. */
    public record Resource(String location, String key) {}

    /** A compiled stylesheet, remembered with the entry it was compiled from. */
    private record Compiled(LocalEntry entry, Templates templates, boolean textOutput) {}

    private final Value key;
    private final SynapseXPath source;
    private final String target;
    private final List<Param> params;
    private final List<Setting> features;
    private final List<Setting> attributes;
    private final List<Resource> resources;
    /** Stylesheets compiled on first use (entries exist only once the configuration is built). */
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    public XsltMediator(Value key, SynapseXPath source, String target, List<Param> params, List<Setting> features,
            List<Setting> attributes, List<Resource> resources) {
        this.key = key;
        this.source = source;
        this.target = target;
        this.params = List.copyOf(params);
        this.features = List.copyOf(features);
        this.attributes = List.copyOf(attributes);
        this.resources = List.copyOf(resources);
    }

    public Value key() {
        return key;
    }

    public SynapseXPath source() {
        return source;
    }

    public String target() {
        return target;
    }

    public List<Param> params() {
        return params;
    }

    public List<Setting> features() {
        return features;
    }

    public List<Setting> attributes() {
        return attributes;
    }

    public List<Resource> resources() {
        return resources;
    }

    @Override
    public boolean readsBody() {
        return true;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        OMElement src = sourceElement(ctx);
        Compiled c = compiled(ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            var tr = c.templates().newTransformer();
            tr.setErrorListener(ERRORS);
            for (Param p : params) {
                tr.setParameter(p.name(), p.expression() != null ? p.expression().stringValueOf(ctx) : p.value());
            }
            tr.transform(src.getSAXSource(true), new StreamResult(out));
        } catch (TransformerException e) {
            throw new MediationException("xslt '" + key + "' failed: " + e.getMessage(), e);
        }
        Object result = result(c, out.toByteArray());
        if (target != null) {
            ctx.setProperty(target, result);
        } else if (XmlSupport.isEnvelope(src)) {
            ctx.payload().setEnvelope(XmlSupport.toEnvelope((OMElement) result));
        } else {
            src.insertSiblingAfter((OMElement) result);
            src.detach();
        }
        return true;
    }

    private OMElement sourceElement(MessageContext ctx) {
        if (source == null) {
            OMElement first = ctx.payload().firstElement();
            if (first == null) {
                throw new MediationException("xslt '" + key + "': the message body is empty");
            }
            return first;
        }
        for (Object o : source.selectNodes(ctx)) {
            if (o instanceof OMElement e) {
                return e;
            }
        }
        throw new MediationException("xslt '" + key + "': source '" + source.expression() + "' selects no element");
    }

    private Object result(Compiled c, byte[] bytes) {
        if (c.textOutput()) {
            var f = XmlSupport.factory();
            OMElement text = f.createOMElement("text", f.createOMNamespace(PayloadFactoryMediator.PAYLOAD_TEXT_NS, ""));
            text.setText(new String(bytes, StandardCharsets.UTF_8));
            return text;
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new MediationException("xslt '" + key + "' produced no XML element");
        }
        try {
            return XmlSupport.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new MediationException("xslt '" + key + "' produced output that is not one XML element: "
                    + e.getMessage(), e);
        }
    }

    private Compiled compiled(MessageContext ctx) {
        String k = key.evaluate(ctx);
        LocalEntry entry = ctx.config().localEntry(k);
        if (entry == null) {
            throw new MediationException("xslt: the stylesheet '" + k + "' is not deployed as a local entry");
        }
        Compiled c = cache.get(k);
        if (c == null || c.entry() != entry) {
            c = compile(k, entry, ctx.config());
            cache.put(k, c);
        }
        return c;
    }

    private Compiled compile(String k, LocalEntry entry, Configuration config) {
        try {
            TransformerFactory tf = newFactory(features, attributes);
            tf.setURIResolver((href, base) -> resolve(href, config));
            Templates t = tf.newTemplates(sourceOf(entry, "ganglion:" + k));
            boolean text = "text".equals(t.getOutputProperties().getProperty(OutputKeys.METHOD));
            return new Compiled(entry, t, text);
        } catch (TransformerConfigurationException e) {
            throw new MediationException("xslt: the stylesheet '" + k + "' does not compile: " + e.getMessage(), e);
        }
    }

    private Source resolve(String href, Configuration config) throws TransformerException {
        for (Resource r : resources) {
            if (r.location().equals(href)) {
                LocalEntry e = config.localEntry(r.key());
                if (e == null) {
                    throw new TransformerException("resource '" + href + "' maps to local entry '" + r.key()
                            + "', which is not deployed");
                }
                return sourceOf(e, "ganglion:" + r.key());
            }
        }
        return null; // the factory's default, which refuses external access
    }

    private static Source sourceOf(LocalEntry e, String systemId) {
        String text = e.xml() != null ? XmlSupport.serialize(e.xml()) : e.text();
        return new StreamSource(new StringReader(text == null ? "" : text), systemId);
    }

    /**
     * A hardened JDK factory with the given features and attributes applied.
     *
     * @throws IllegalArgumentException when a feature or attribute is not supported
     */
    static TransformerFactory newFactory(List<Setting> features, List<Setting> attributes)
            throws TransformerConfigurationException {
        TransformerFactory tf = TransformerFactory.newDefaultInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        tf.setErrorListener(ERRORS);
        for (Setting f : features) {
            if (!f.name().startsWith(SYNAPSE_FEATURE_PREFIX)) {
                tf.setFeature(f.name(), Boolean.parseBoolean(f.value()));
            }
        }
        for (Setting a : attributes) {
            tf.setAttribute(a.name(), a.value());
        }
        return tf;
    }

    /** Errors fail the transformation (the JDK default prints them to stderr); warnings are logged. */
    private static final ErrorListener ERRORS = new ErrorListener() {
        @Override
        public void warning(TransformerException e) {
            LOG.warn("xslt: {}", e.getMessageAndLocation());
        }

        @Override
        public void error(TransformerException e) throws TransformerException {
            throw e;
        }

        @Override
        public void fatalError(TransformerException e) throws TransformerException {
            throw e;
        }
    };
}
