package io.ganglion.engine.rest;

import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Matches requests to APIs and resources, as Synapse's REST dispatch does: the API whose context
 * is the longest prefix of the path (host, port and transport permitting; a context of "/" is the
 * fallback), then its resources in the order url-mapping (servlet rules), uri-template, default.
 * Everything is precomputed when the configuration is built; a request only walks arrays. A
 * BLOCKED API matches but answers {@link Dispatch.Blocked}; CREATED and RETIRED APIs take no part,
 * except that a request no served API matches gets {@link Dispatch.NotServed} when one of them has
 * its (non-root) context. Thread-safe: immutable.
 */
public final class ApiDispatcher {

    /** Methods in the order an Allow header lists them; a resource without methods allows them all. */
    private static final List<String> ALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH",
            "OPTIONS");

    private final List<Api> apis;
    /** APIs by effective context, longest first; ties keep deployment order. */
    private final CompiledApi[] byContext;
    /** CREATED and RETIRED APIs with a context other than "/", to tell their callers why they get 404. */
    private final CompiledApi[] notServed;

    public ApiDispatcher(List<Api> apis) {
        this.apis = List.copyOf(apis);
        List<CompiledApi> compiled = new ArrayList<>();
        List<CompiledApi> idle = new ArrayList<>();
        for (Api api : this.apis) {
            CompiledApi c = new CompiledApi(api);
            if (api.lifecycle().dispatched()) {
                compiled.add(c);
            } else if (!c.context.equals("/")) {
                idle.add(c);
            }
        }
        compiled.sort(Comparator.comparingInt((CompiledApi c) -> c.context.length()).reversed());
        this.byContext = compiled.toArray(new CompiledApi[0]);
        this.notServed = idle.toArray(new CompiledApi[0]);
    }

    /** The APIs this dispatcher matches against, in deployment order. */
    public List<Api> apis() {
        return apis;
    }

    /**
     * Matches a request.
     *
     * @param ctx the request message; on a match the REST properties are set on it
     * @param method HTTP method
     * @param path the request path as received (percent-encoded, no query)
     * @param query the raw query string without '?', or null
     * @param host the Host header's host part, or null
     * @param port the listener port
     */
    public Dispatch dispatch(MessageContext ctx, String method, String path, String query, String host, int port) {
        String scheme = schemeOf(ctx);
        for (CompiledApi c : byContext) {
            if (c.accepts(path, host, port, scheme)) {
                if (c.api.lifecycle() == Lifecycle.BLOCKED) {
                    return new Dispatch.Blocked(c.api);
                }
                return dispatch(c, ctx, method, path, query, scheme);
            }
        }
        for (CompiledApi c : notServed) {
            if (c.accepts(path, host, port, scheme)) {
                return new Dispatch.NotServed(c.api);
            }
        }
        return Dispatch.NO_API;
    }

    private static Dispatch dispatch(CompiledApi c, MessageContext ctx, String method, String path, String query,
            String scheme) {
        Api api = c.api;
        String sub = c.context.equals("/") ? path : path.substring(c.context.length());
        String suffix = query == null ? "" : "?" + query;
        ctx.setProperty(StandardProperties.SYNAPSE_REST_API, api.name());
        ctx.setProperty(StandardProperties.SYNAPSE_REST_API_VERSION, api.version() == null ? "" : api.version());
        ctx.setProperty(StandardProperties.REST_API_CONTEXT, c.apiContext);
        ctx.setProperty(StandardProperties.REST_FULL_REQUEST_PATH, path + suffix);
        ctx.setProperty(StandardProperties.REST_SUB_REQUEST_PATH, (sub.isEmpty() ? "/" : sub) + suffix);
        ctx.setProperty(StandardProperties.REST_METHOD, method);
        String hostHeader = ctx.headers().get("Host");
        if (hostHeader != null) {
            ctx.setProperty(StandardProperties.REST_URL_PREFIX, scheme + "://" + hostHeader);
        }
        ctx.setAxis2Property(StandardProperties.REST_URL_POSTFIX, sub + suffix);

        String resourcePath = UriCodec.normalize(sub.isEmpty() ? "/" : sub);
        Map<String, String> params = UriCodec.parseQuery(query);
        List<Candidate> matching = c.pathMatches(resourcePath, params, ctx, scheme);
        if (matching.isEmpty()) {
            return new Dispatch.NoResource(api);
        }
        boolean options = method.equals("OPTIONS");
        for (Candidate m : matching) {
            boolean handles = options ? m.resource.methods().contains("OPTIONS") : m.resource.allows(method);
            if (handles) {
                matched(ctx, m, params);
                return new Dispatch.Matched(api, m.resource);
            }
        }
        if (method.equals("HEAD")) {
            // HTTP: HEAD is GET without a body. Synapse answers 405 for HEAD on a GET resource;
            // the resource runs as for GET and the listener sends no body.
            for (Candidate m : matching) {
                if (m.resource.allows("GET")) {
                    matched(ctx, m, params);
                    return new Dispatch.Matched(api, m.resource);
                }
            }
        }
        Set<String> allowed = allowed(matching);
        return options ? new Dispatch.Options(api, allowed) : new Dispatch.MethodNotAllowed(api, allowed);
    }

    private static void matched(MessageContext ctx, Candidate m, Map<String, String> params) {
        ctx.setProperty(StandardProperties.SYNAPSE_RESOURCE, m.label);
        for (Map.Entry<String, String> e : m.variables.entrySet()) {
            ctx.setProperty(StandardProperties.URI_VAR_PREFIX + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            ctx.setProperty(StandardProperties.QUERY_PARAM_PREFIX + e.getKey(), e.getValue());
        }
    }

    private static Set<String> allowed(List<Candidate> matching) {
        Set<String> union = new LinkedHashSet<>();
        for (Candidate m : matching) {
            union.addAll(m.resource.methods().isEmpty() ? ALL_METHODS : m.resource.methods());
        }
        // OPTIONS is always answered, by the resource or by the dispatcher; HEAD wherever GET is.
        union.add("OPTIONS");
        if (union.contains("GET")) {
            union.add("HEAD");
        }
        Set<String> ordered = new LinkedHashSet<>();
        for (String known : ALL_METHODS) {
            if (union.remove(known)) {
                ordered.add(known);
            }
        }
        ordered.addAll(union);
        return Collections.unmodifiableSet(ordered);
    }

    private static String schemeOf(MessageContext ctx) {
        Object s = ctx.getAxis2Property("TRANSPORT_IN");
        return s == null ? "http" : s.toString().toLowerCase(Locale.ROOT);
    }

    /** A resource whose mapping matches the request path, with its bound variables. */
    private record Candidate(Resource resource, String label, Map<String, String> variables, int rank) {}

    /** A resource and its SYNAPSE_RESOURCE label, computed once. */
    private record Entry(Resource resource, String label) {}

    /** One API with what dispatch needs precomputed. */
    private static final class CompiledApi {
        final Api api;
        final String context;
        final String apiContext;
        final Entry[] urlMappings;
        final Entry[] uriTemplates;
        final Entry[] defaults;

        CompiledApi(Api api) {
            this.api = api;
            this.context = api.effectiveContext();
            String c = api.versionType() == VersionType.CONTEXT ? api.context().replace("{version}", api.version())
                    : api.context();
            this.apiContext = c.length() > 1 && c.endsWith("/") ? c.substring(0, c.length() - 1) : c;
            List<Entry> mapped = new ArrayList<>();
            List<Entry> templated = new ArrayList<>();
            List<Entry> others = new ArrayList<>();
            for (Resource r : api.resources()) {
                (r.urlMapping() != null ? mapped : r.uriTemplate() != null ? templated : others)
                        .add(new Entry(r, r.label()));
            }
            this.urlMappings = mapped.toArray(new Entry[0]);
            this.uriTemplates = templated.toArray(new Entry[0]);
            this.defaults = others.toArray(new Entry[0]);
        }

        boolean accepts(String path, String host, int port, String scheme) {
            boolean contextMatches = context.equals("/") ? path.startsWith("/")
                    : path.startsWith(context) && (path.length() == context.length()
                            || path.charAt(context.length()) == '/');
            return contextMatches
                    && (api.hostname() == null || api.hostname().equalsIgnoreCase(host))
                    && (api.port() < 0 || api.port() == port)
                    && (api.transport() == null || api.transport().equals(scheme));
        }

        /** Resources whose filters and mapping accept the request, best first; methods not yet checked. */
        List<Candidate> pathMatches(String path, Map<String, String> params, MessageContext ctx, String scheme) {
            List<Candidate> found = new ArrayList<>(2);
            for (Entry e : urlMappings) {
                int rank = e.resource.urlMapping().match(path);
                if (rank >= 0 && filtersAccept(e.resource, ctx, scheme)) {
                    found.add(new Candidate(e.resource, e.label, Collections.emptyMap(), rank));
                }
            }
            if (found.size() > 1) {
                // Stable: equal ranks keep declaration order.
                found.sort(Comparator.comparingInt(Candidate::rank).reversed());
            }
            for (Entry e : uriTemplates) {
                Map<String, String> vars = e.resource.uriTemplate().match(path, params);
                if (vars != null && filtersAccept(e.resource, ctx, scheme)) {
                    found.add(new Candidate(e.resource, e.label, vars, 0));
                }
            }
            for (Entry e : defaults) {
                if (filtersAccept(e.resource, ctx, scheme)) {
                    found.add(new Candidate(e.resource, e.label, Collections.emptyMap(), 0));
                }
            }
            return found;
        }

        private static boolean filtersAccept(Resource r, MessageContext ctx, String scheme) {
            if (r.protocol() != null && !r.protocol().equals(scheme)) {
                return false;
            }
            if (r.contentType() != null && ctx.payload().hasBody()) {
                String ct = ctx.headers().get("Content-Type");
                if (ct == null || !baseType(ct).equalsIgnoreCase(baseType(r.contentType()))) {
                    return false;
                }
            }
            if (r.userAgent() != null) {
                String ua = ctx.headers().get("User-Agent");
                return ua != null && r.userAgent().matcher(ua).matches();
            }
            return true;
        }

        private static String baseType(String contentType) {
            int semi = contentType.indexOf(';');
            return (semi < 0 ? contentType : contentType.substring(0, semi)).trim();
        }
    }
}
