package io.ganglion.engine.endpoint.http;

import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.endpoint.auth.BackendAuth;
import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.HealthCheck;
import io.ganglion.engine.endpoint.leaf.Leaf;
import io.ganglion.engine.endpoint.leaf.LeafEndpoint;
import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.message.MessageContext;
import java.net.URI;
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
public final class HttpEndpoint extends LeafEndpoint {

    private final UriTemplate template;
    private final HttpMethod method;
    private final EndpointDefinition definition;

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
        super(wrapper, new Leaf("http", wrapper.name() == null ? describe(wrapper) + " " + template.toXml()
                : describe(wrapper), definition, ErrorCode.ADDRESS_ENDPOINT_NOT_READY.code(), auth, check, false),
                definition);
        this.template = Objects.requireNonNull(template, "template");
        this.method = method;
        this.definition = definition;
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

    /** The expanded template for this message. */
    @Override
    public URI target(MessageContext ctx) {
        String expanded = template.expand(ctx::getProperty);
        return TargetUri.parse(expanded, describe(wrapper()) + " (uri-template '" + template.toXml() + "')");
    }

    @Override
    protected String fixedMethod() {
        return method == null ? null : method.wireName();
    }

    private static String describe(EndpointWrapper wrapper) {
        return wrapper.name() == null ? "http endpoint" : "http endpoint '" + wrapper.name() + "'";
    }

    @Override
    public String toString() {
        return describe(wrapper()) + " " + template.toXml();
    }
}
