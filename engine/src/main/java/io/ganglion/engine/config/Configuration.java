package io.ganglion.engine.config;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.template.EndpointTemplate;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.proxy.ProxyService;
import io.ganglion.engine.rest.Api;
import io.ganglion.engine.rest.ApiDispatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of a deployed repository: sequences, endpoints, local entries, templates
 * (sequence and endpoint templates), APIs and proxies. Swapped whole on redeploy, so a request
 * always sees one consistent version. Thread-safe: immutable.
 */
public final class Configuration {

    /** The sequence that mediates requests matching no API or proxy. */
    public static final String MAIN = "main";
    /** The sequence that handles faults no closer handler took. */
    public static final String FAULT = "fault";
    /** The sequence run when an API matches but none of its resources does. */
    public static final String RESOURCE_MISMATCH = "_resource_mismatch_handler_";

    private final Map<String, Sequence> sequences;
    private final Map<String, Endpoint> endpoints;
    private final Map<String, LocalEntry> localEntries;
    private final Map<String, SequenceTemplate> templates;
    private final Map<String, EndpointTemplate> endpointTemplates;
    private final List<Api> apis;
    private final Map<String, ProxyService> proxies;
    private final ApiDispatcher apiDispatcher;

    private Configuration(Builder b) {
        this.sequences = Map.copyOf(b.sequences);
        this.endpoints = Map.copyOf(b.endpoints);
        this.localEntries = Map.copyOf(b.localEntries);
        this.templates = Map.copyOf(b.templates);
        this.endpointTemplates = Map.copyOf(b.endpointTemplates);
        this.apis = List.copyOf(b.apis.values());
        this.proxies = Map.copyOf(b.proxies);
        this.apiDispatcher = new ApiDispatcher(apis);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A named sequence, or null. */
    public Sequence sequence(String key) {
        return sequences.get(key);
    }

    /** A named endpoint, or null. */
    public Endpoint endpoint(String key) {
        return endpoints.get(key);
    }

    /** A local entry, or null. */
    public LocalEntry localEntry(String key) {
        return localEntries.get(key);
    }

    /** A local entry's value (text or XML), or null. */
    public Object localEntryValue(String key) {
        LocalEntry e = localEntries.get(key);
        return e == null ? null : e.value();
    }

    /** A sequence template, or null. */
    public SequenceTemplate template(String key) {
        return templates.get(key);
    }

    /** An endpoint template, or null. */
    public EndpointTemplate endpointTemplate(String key) {
        return endpointTemplates.get(key);
    }

    public Map<String, EndpointTemplate> endpointTemplates() {
        return endpointTemplates;
    }

    /** APIs in deployment order. */
    public List<Api> apis() {
        return apis;
    }

    /** The dispatch table over {@link #apis()}, built once per snapshot. */
    public ApiDispatcher apiDispatcher() {
        return apiDispatcher;
    }

    /** A proxy service, or null. */
    public ProxyService proxy(String name) {
        return proxies.get(name);
    }

    public Map<String, Sequence> sequences() {
        return sequences;
    }

    public Map<String, Endpoint> endpoints() {
        return endpoints;
    }

    public Map<String, LocalEntry> localEntries() {
        return localEntries;
    }

    public Map<String, SequenceTemplate> templates() {
        return templates;
    }

    public Map<String, ProxyService> proxies() {
        return proxies;
    }

    /** Collects artifacts; later additions with the same name replace earlier ones. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Sequence> sequences = new LinkedHashMap<>();
        private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        private final Map<String, LocalEntry> localEntries = new LinkedHashMap<>();
        private final Map<String, SequenceTemplate> templates = new LinkedHashMap<>();
        private final Map<String, EndpointTemplate> endpointTemplates = new LinkedHashMap<>();
        private final Map<String, Api> apis = new LinkedHashMap<>();
        private final Map<String, ProxyService> proxies = new LinkedHashMap<>();

        public Builder sequence(Sequence s) {
            sequences.put(s.name(), s);
            return this;
        }

        public Builder endpoint(String name, Endpoint e) {
            endpoints.put(name, e);
            return this;
        }

        public Builder localEntry(LocalEntry e) {
            localEntries.put(e.key(), e);
            return this;
        }

        public Builder template(SequenceTemplate t) {
            templates.put(t.name(), t);
            return this;
        }

        public Builder endpointTemplate(EndpointTemplate t) {
            endpointTemplates.put(t.name(), t);
            return this;
        }

        public Builder api(Api api) {
            apis.put(api.name(), api);
            return this;
        }

        public Builder proxy(ProxyService p) {
            proxies.put(p.name(), p);
            return this;
        }

        public boolean hasSequence(String name) {
            return sequences.containsKey(name);
        }

        public boolean hasEndpoint(String name) {
            return endpoints.containsKey(name);
        }

        public boolean hasLocalEntry(String key) {
            return localEntries.containsKey(key);
        }

        public boolean hasTemplate(String name) {
            return templates.containsKey(name) || endpointTemplates.containsKey(name);
        }

        public Configuration build() {
            return new Configuration(this);
        }
    }
}
