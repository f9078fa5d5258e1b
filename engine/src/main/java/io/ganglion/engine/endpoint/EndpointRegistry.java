package io.ganglion.engine.endpoint;

import io.ganglion.engine.endpoint.address.AddressEndpointXml;
import io.ganglion.engine.endpoint.dynamic.DefaultEndpointXml;
import io.ganglion.engine.endpoint.group.FailoverEndpointXml;
import io.ganglion.engine.endpoint.group.LoadbalanceEndpointXml;
import io.ganglion.engine.endpoint.group.RecipientListEndpointXml;
import io.ganglion.engine.endpoint.http.HttpEndpointXml;
import io.ganglion.engine.endpoint.indirect.IndirectEndpoint;
import io.ganglion.engine.endpoint.indirect.IndirectEndpointXml;
import io.ganglion.engine.endpoint.indirect.ResolvingEndpoint;
import io.ganglion.engine.endpoint.template.TemplateEndpoint;
import io.ganglion.engine.endpoint.template.TemplateEndpointXml;
import io.ganglion.engine.endpoint.wsdl.WsdlEndpointXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.SynapseNs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/**
 * Reads {@code <endpoint>} elements (an inline type, a {@code key} reference or a
 * {@code key-expression}) and writes endpoints back. Built once from the built-in types plus
 * {@link ServiceLoader} extensions of {@link EndpointXml}.
 *
 * <pre>{@code
 * <endpoint [name="n"] [key="ref" | key-expression="xpath" | template="t" [uri="..."]]>
 *   <parameter name="p" value="v"/>*   (with template only)
 *   <session .../>?   (with loadbalance only)
 *   (<address/> | <http/> | <default/> | <wsdl/> | <failover/> | <loadbalance/> | <recipientlist/>)?
 *   <property name="p" (value="v" | expression="xpath") [scope="..."]/>*
 *   <description>text</description>?
 * </endpoint>
 * }</pre>
 * Thread-safe: immutable after construction.
 */
public final class EndpointRegistry {

    /** Synapse endpoint types that are recognised but not implemented. */
    private static final Set<String> NOT_YET = Set.of("dynamicLoadbalance", "class");
    private static final Set<String> WRAPPER_CHILDREN = Set.of("property", "description", "session");
    private static final EndpointRegistry DEFAULT = new EndpointRegistry(builtIns());

    private final Map<QName, EndpointXml<?>> byElement = new HashMap<>();
    private final Map<Class<?>, BiFunction<Endpoint, WriteContext, OMElement>> writers = new HashMap<>();

    public EndpointRegistry(List<EndpointXml<?>> types) {
        for (EndpointXml<?> x : types) {
            byElement.put(x.element(), x);
            writers.put(x.type(), writer(x));
        }
        writers.put(IndirectEndpoint.class, (e, c) -> IndirectEndpointXml.write((IndirectEndpoint) e, c));
        writers.put(ResolvingEndpoint.class, (e, c) -> IndirectEndpointXml.write((ResolvingEndpoint) e, c));
        writers.put(TemplateEndpoint.class, (e, c) -> TemplateEndpointXml.write((TemplateEndpoint) e, c));
    }

    /** The registry with every built-in endpoint type. */
    public static EndpointRegistry defaults() {
        return DEFAULT;
    }

    private static List<EndpointXml<?>> builtIns() {
        List<EndpointXml<?>> all = new ArrayList<>();
        all.add(new AddressEndpointXml());
        all.add(new HttpEndpointXml());
        all.add(new DefaultEndpointXml());
        all.add(new WsdlEndpointXml());
        all.add(new FailoverEndpointXml());
        all.add(new LoadbalanceEndpointXml());
        all.add(new RecipientListEndpointXml());
        for (EndpointXml<?> x : ServiceLoader.load(EndpointXml.class)) {
            all.add(x);
        }
        return all;
    }

    private static <T extends Endpoint> BiFunction<Endpoint, WriteContext, OMElement> writer(EndpointXml<T> xml) {
        return (e, c) -> xml.write(xml.type().cast(e), c);
    }

    /** Reads an {@code <endpoint>} element. */
    public Endpoint read(OMElement el, ReadContext ctx) {
        if (!el.getLocalName().equals("endpoint") || !ReadContext.isSynapse(el)) {
            throw ctx.error(el, "expected <endpoint>, found <" + el.getLocalName() + ">");
        }
        if (ctx.attribute(el, "template") != null) {
            return TemplateEndpointXml.read(el, ctx);
        }
        String key = ctx.attribute(el, "key");
        String keyExpression = ctx.attribute(el, "key-expression");
        OMElement type = typeElement(el, ctx);
        if (key != null || keyExpression != null) {
            if (key != null && keyExpression != null) {
                throw ctx.error(el, "<endpoint> takes 'key' or 'key-expression', not both");
            }
            if (type != null) {
                throw ctx.error(type, "<endpoint> with a " + (key != null ? "'key'" : "'key-expression'")
                        + " refers to another endpoint and cannot also define <" + type.getLocalName() + ">");
            }
            return key != null ? IndirectEndpointXml.readKey(el, ctx) : IndirectEndpointXml.readKeyExpression(el, ctx);
        }
        if (type == null) {
            throw ctx.error(el, "<endpoint> needs a 'key', a 'key-expression' or one endpoint type ("
                    + knownTypes() + ")");
        }
        OMElement session = ReadContext.child(el, "session");
        if (session != null && !type.getLocalName().equals("loadbalance")) {
            throw ctx.error(session, "<session> goes with <loadbalance> only, not <" + type.getLocalName() + ">");
        }
        EndpointXml<?> xml = ReadContext.isSynapse(type) ? byElement.get(SynapseNs.q(type.getLocalName())) : null;
        if (xml == null) {
            throw ctx.error(type, "unknown endpoint type <" + type.getLocalName() + ">; known types: " + knownTypes());
        }
        return xml.read(el, type, ctx);
    }

    /**
     * The one child that is not a property or description, or null. More than one, or a type that
     * is not implemented yet, is an error.
     */
    private static OMElement typeElement(OMElement el, ReadContext ctx) {
        OMElement found = null;
        for (OMElement c : ReadContext.children(el)) {
            if (ReadContext.isSynapse(c) && WRAPPER_CHILDREN.contains(c.getLocalName())) {
                continue;
            }
            if (ReadContext.isSynapse(c) && NOT_YET.contains(c.getLocalName())) {
                throw ctx.error(c, "<" + c.getLocalName() + "> endpoints are not supported yet");
            }
            if (found != null) {
                throw ctx.error(c, "<endpoint> holds more than one endpoint type: <" + found.getLocalName()
                        + "> and <" + c.getLocalName() + ">");
            }
            found = c;
        }
        return found;
    }

    private String knownTypes() {
        Set<String> names = new TreeSet<>();
        byElement.keySet().forEach(q -> names.add(q.getLocalPart()));
        return String.join(", ", names);
    }

    /** Writes an endpoint as an {@code <endpoint>} element. */
    public OMElement write(Endpoint endpoint, WriteContext ctx) {
        var writer = writers.get(endpoint.getClass());
        if (writer == null) {
            throw new IllegalArgumentException("no XML writer for " + endpoint.getClass().getName());
        }
        return writer.apply(endpoint, ctx);
    }
}
