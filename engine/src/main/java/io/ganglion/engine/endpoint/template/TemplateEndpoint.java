package io.ganglion.engine.endpoint.template;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.Location;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An endpoint made from an endpoint template:
 * {@code <endpoint [name="n"] template="t" [uri="..."]><parameter name="p" value="v"/>*</endpoint>}.
 * {@code name} and {@code uri} are passed as the parameters {@code $name} and {@code $uri}. The
 * template is looked up in the configuration and instantiated once (the loader does it at deploy
 * time for named endpoints, to report errors there); the instance, with its health state, is kept
 * for as long as the same template is deployed. A missing template fails the send with 305100.
 * Thread-safe: the instance is published under the monitor.
 */
public final class TemplateEndpoint implements Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateEndpoint.class);

    private final EndpointWrapper wrapper;
    private final String template;
    private final String uri;
    private final Map<String, String> parameters;
    private final Location location;
    private EndpointTemplate instantiatedFrom;
    private Endpoint instance;
    private String problem;

    /**
     * @param uri the {@code uri} attribute, or null
     * @param parameters the {@code <parameter>} values in order
     */
    public TemplateEndpoint(EndpointWrapper wrapper, String template, String uri, Map<String, String> parameters,
            Location location) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.template = Objects.requireNonNull(template, "template");
        this.uri = uri;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.location = location;
    }

    @Override
    public String name() {
        return wrapper.name();
    }

    @Override
    public EndpointWrapper wrapper() {
        return wrapper;
    }

    public String template() {
        return template;
    }

    /** The {@code uri} attribute, or null. */
    public String uri() {
        return uri;
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    public Location location() {
        return location;
    }

    /** The instance, once made; lets management walk into it. */
    @Override
    public synchronized List<Endpoint> children() {
        return instance == null ? List.of() : List.of(instance);
    }

    @Override
    public boolean readsBody() {
        // Not known before the template is found; a target that converts the body builds it then.
        return wrapper.readsBody();
    }

    /**
     * Instantiates the template deployed in {@code config}; returns a problem to report, or null.
     */
    public synchronized String link(Configuration config) {
        resolve(config);
        return problem;
    }

    private synchronized Endpoint resolve(Configuration config) {
        EndpointTemplate t = config.endpointTemplate(template);
        if (t == null) {
            problem = "endpoint template '" + template + "' is not deployed";
            return null;
        }
        if (t == instantiatedFrom) {
            return instance;
        }
        Map<String, String> values = new LinkedHashMap<>(parameters);
        if (wrapper.name() != null) {
            values.put("name", wrapper.name());
        }
        if (uri != null) {
            values.put("uri", uri);
        }
        instantiatedFrom = t;
        try {
            instance = TemplateInstantiation.instantiate(t, values);
            problem = null;
        } catch (IllegalArgumentException e) {
            instance = null;
            problem = e.getMessage();
            LOG.warn("{}: {}", location == null ? "template endpoint" : location, problem);
        }
        return instance;
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        Endpoint target;
        String why;
        synchronized (this) {
            target = resolve(ctx.config());
            why = problem;
        }
        if (target == null) {
            callback.onFailure(new SendFailure(ErrorCode.INDIRECT_ENDPOINT_NOT_READY.code(), why, null));
            return;
        }
        target.send(ctx, callback);
    }

    @Override
    public String toString() {
        String named = wrapper.name() == null ? "" : " named '" + wrapper.name() + "'";
        return "template endpoint '" + template + "'" + named;
    }
}
