package io.ganglion.engine.endpoint;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import java.util.ArrayList;
import java.util.List;
import org.apache.axiom.om.OMElement;

/**
 * What every {@code <endpoint>} element carries besides its type: the name, the
 * {@code prototype="true"} flag of WSO2's prototype endpoints, the {@code <property>} children
 * applied on send, and the {@code <description>}. Thread-safe: immutable.
 *
 * @param name the endpoint name, or null for an anonymous inline endpoint
 * @param properties set on the message before it is sent
 * @param description free text, or null
 * @param prototype true for a prototype endpoint, which only CREATED or PROTOTYPED APIs may use
 */
public record EndpointWrapper(String name, List<EndpointProperty> properties, String description,
        boolean prototype) {

    /** An anonymous endpoint with no properties. */
    public static final EndpointWrapper ANONYMOUS = new EndpointWrapper(null, List.of(), null);

    public EndpointWrapper {
        properties = List.copyOf(properties);
    }

    /** An endpoint that is not a prototype endpoint. */
    public EndpointWrapper(String name, List<EndpointProperty> properties, String description) {
        this(name, properties, description, false);
    }

    /** Reads the name, properties and description of an {@code <endpoint>} element. */
    public static EndpointWrapper read(OMElement endpoint, ReadContext ctx) {
        List<EndpointProperty> props = new ArrayList<>();
        for (OMElement p : ReadContext.childrenNamed(endpoint, "property")) {
            props.add(EndpointProperty.read(p, ctx));
        }
        OMElement d = ReadContext.child(endpoint, "description");
        return new EndpointWrapper(ctx.attribute(endpoint, "name"), props, d == null ? null : d.getText(),
                ctx.booleanAttribute(endpoint, "prototype", false));
    }

    /**
     * Writes an {@code <endpoint>} element holding {@code type} (may be null for references),
     * then the properties and the description.
     */
    public OMElement write(OMElement type, WriteContext ctx) {
        OMElement el = ctx.element("endpoint");
        ctx.attribute(el, "name", name);
        if (prototype) {
            ctx.attribute(el, "prototype", "true");
        }
        if (type != null) {
            el.addChild(type);
        }
        for (EndpointProperty p : properties) {
            p.write(el, ctx);
        }
        if (description != null) {
            ctx.element("description", el).setText(description);
        }
        return el;
    }

    /**
     * Prepares the message for this endpoint: records it as the last endpoint (when named) and sets
     * the endpoint's properties.
     */
    public void apply(MessageContext ctx) {
        if (name != null) {
            ctx.setProperty(StandardProperties.LAST_ENDPOINT, name);
        }
        for (EndpointProperty p : properties) {
            p.apply(ctx);
        }
    }

    /** True when a property expression reads the body. */
    public boolean readsBody() {
        for (EndpointProperty p : properties) {
            if (p.readsBody()) {
                return true;
            }
        }
        return false;
    }
}
