package io.ganglion.engine.endpoint.http;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.auth.BackendAuth;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.EndpointStatus;
import io.ganglion.engine.endpoint.health.HealthCheck;
import io.ganglion.engine.endpoint.health.Monitored;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.SendCallback;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * WSO2's REST endpoint: the URL is an RFC 6570 template expanded per message, its variables read
 * from message properties ({@code uri.var.*}, {@code query.param.*} or any other name), and the
 * HTTP method may be fixed. REST_URL_POSTFIX is never appended.
 *
 * <pre>{@code
 * <endpoint [name="n"]>
 *   <http uri-template="[legacy-encoding:]http://host/orders/{uri.var.id}{?query.param.q}"
 *         [method="get|post|put|delete|patch|head|options|leave-as-is"] [format=...] ...QoS...>
 *     <authentication>(<basicAuth>|<digestAuth>|<oauth>)</authentication>?
 *     <healthCheck path="/health" .../>?
 *   </http>
 *   <property .../>*
 * </endpoint>
 * }</pre>
 * Timeout, suspension, retry and authentication apply as described in {@link Leaf} and
 * {@link BackendAuth}. Thread-safe: configuration is immutable; health state is thread-safe.
 */
public final class HttpEndpoint implements Endpoint, Monitored {

    private final EndpointWrapper wrapper;
    private final UriTemplate template;
    private final HttpMethod method;
    private final EndpointDefinition definition;
    private final Leaf leaf;

    /**
     * @param method the fixed method, or null to use the request's
     */
    public HttpEndpoint(EndpointWrapper wrapper, UriTemplate template, HttpMethod method,
            EndpointDefinition definition) {
        this(wrapper, template, method, definition, null, null);
    }

    /**
     * @param method the fixed method, or null to use the request's
     * @param auth backend credentials, or null
     * @param check an active health check, or null
     */
    public HttpEndpoint(EndpointWrapper wrapper, UriTemplate template, HttpMethod method,
            EndpointDefinition definition, BackendAuth auth, HealthCheck check) {
        this.wrapper = Objects.requireNonNull(wrapper, "wrapper");
        this.template = Objects.requireNonNull(template, "template");
        this.method = method;
        this.definition = Objects.requireNonNull(definition, "definition");
        this.leaf = new Leaf("http", wrapper.name() == null ? toString() : describe(), definition,
                ErrorCode.ADDRESS_ENDPOINT_NOT_READY.code(), auth, check, false);
    }

    /** The shared leaf machinery (health, timeout, retry rules, credentials). */
    public Leaf leaf() {
        return leaf;
    }

    @Override
    public String name() {
        return wrapper.name();
    }

    @Override
    public EndpointWrapper wrapper() {
        return wrapper;
    }

    public UriTemplate template() {
        return template;
    }

    /** The configured method, or null. */
    public HttpMethod method() {
        return method;
    }

    public EndpointDefinition definition() {
        return definition;
    }

    @Override
    public boolean readsBody() {
        return definition.readsBody() || wrapper.readsBody();
    }

    /** The expanded template for this message. */
    public URI target(MessageContext ctx) {
        String expanded = template.expand(ctx::getProperty);
        return TargetUri.parse(expanded, describe() + " (uri-template '" + template.toXml() + "')");
    }

    @Override
    public void send(MessageContext ctx, SendCallback callback) {
        wrapper.apply(ctx);
        String m = method == null ? null : method.wireName();
        leaf.send(ctx, target(ctx), m, callback);
    }

    @Override
    public List<EndpointStatus> statuses(String path) {
        return leaf.statuses(path);
    }

    @Override
    public void switchOff() {
        leaf.switchOff();
    }

    @Override
    public void switchOn() {
        leaf.switchOn();
    }

    private String describe() {
        return wrapper.name() == null ? "http endpoint" : "http endpoint '" + wrapper.name() + "'";
    }

    @Override
    public String toString() {
        return describe() + " " + template.toXml();
    }
}
