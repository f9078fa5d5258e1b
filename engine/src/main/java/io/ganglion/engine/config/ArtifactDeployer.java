package io.ganglion.engine.config;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.template.EndpointTemplate;
import io.ganglion.engine.endpoint.template.TemplateEndpoint;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.ReadContext.LinkCheck;
import io.ganglion.engine.mediator.ReadContext.Reference;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.proxy.KeyedEndpoint;
import io.ganglion.engine.proxy.ProxyService;
import io.ganglion.engine.proxy.ProxyServiceXml;
import io.ganglion.engine.rest.Api;
import io.ganglion.engine.rest.ApiXml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.axiom.om.OMElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads artifacts one by one into a configuration under construction: a broken artifact becomes
 * a problem and is left out, the others deploy. Checks names for duplicates and, once everything
 * is read, resolves what could not be resolved per file (keyed WSDLs, keyed proxy endpoints) and
 * checks every reference. APIs must also pass the {@link PrototypeGate}; APIs that are CREATED or
 * RETIRED are deployed (validated) but reported as not served. Not thread-safe: one per load.
 */
final class ArtifactDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactDeployer.class);

    /** Where each name of Synapse's shared local registry (sequences, endpoints, local entries) was defined. */
    private record Definition(String label, Location location) {}

    private final LocalEntryXml localEntryXml;
    private final ProxyServiceXml proxyXml;
    private final ProblemList problems;
    private final Configuration.Builder builder = Configuration.builder();
    private final List<Reference> references = new ArrayList<>();
    private final List<LinkCheck> linkChecks = new ArrayList<>();
    private final Map<String, PrototypeGate.Usage> sequenceUsage = new HashMap<>();
    private final Map<String, PrototypeGate.Usage> templateUsage = new HashMap<>();
    private final Map<String, Definition> registryKeys = new HashMap<>();
    private final Map<String, Location> templates = new HashMap<>();
    private final Map<String, Location> apiNames = new HashMap<>();
    private final Map<String, Api> apiContexts = new HashMap<>();
    private final Map<String, LocalEntry> localEntries = new HashMap<>();
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final Map<String, ProxyService> proxies = new LinkedHashMap<>();

    ArtifactDeployer(RepositoryFiles files, ProblemList problems) {
        this.localEntryXml = new LocalEntryXml(files);
        this.proxyXml = new ProxyServiceXml(files);
        this.problems = problems;
    }

    void problem(Location location, String message) {
        problems.add(new ConfigProblem(location, message));
    }

    /** Reads one artifact element and adds it, or records why it cannot be. */
    void deploy(ArtifactType type, OMElement el, ReadContext ctx) {
        Marks mark = new Marks(ctx);
        try {
            switch (type) {
                case LOCAL_ENTRY: {
                    LocalEntry e = localEntryXml.read(el, ctx);
                    claimRegistryKey(e.key(), type, el, ctx);
                    localEntries.put(e.key(), e);
                    builder.localEntry(e);
                    break;
                }
                case ENDPOINT: {
                    String name = ctx.requiredAttribute(el, "name");
                    Endpoint e = ctx.endpoint(el);
                    claimRegistryKey(name, type, el, ctx);
                    endpoints.put(name, e);
                    builder.endpoint(name, e);
                    break;
                }
                case SEQUENCE: {
                    Sequence s = SequenceXml.read(el, ctx);
                    claimRegistryKey(s.name(), type, el, ctx);
                    sequenceUsage.put(s.name(), mark.usage(ctx));
                    builder.sequence(s);
                    break;
                }
                case TEMPLATE: {
                    if (TemplateXml.isEndpointTemplate(el)) {
                        EndpointTemplate t = TemplateXml.readEndpointTemplate(el, ctx);
                        claim(templates, t.name(), "template", el, ctx);
                        builder.endpointTemplate(t);
                    } else {
                        SequenceTemplate t = TemplateXml.read(el, ctx);
                        claim(templates, t.name(), "template", el, ctx);
                        templateUsage.put(t.name(), mark.usage(ctx));
                        builder.template(t);
                    }
                    break;
                }
                case PROXY: {
                    ProxyService p = proxyXml.read(el, ctx);
                    Location first = proxies.containsKey(p.name()) ? proxies.get(p.name()).location() : null;
                    if (first != null) {
                        throw ctx.error(el, "duplicate proxy service '" + p.name() + "': already defined at " + first);
                    }
                    proxies.put(p.name(), p);
                    break;
                }
                case API: {
                    Api api = ApiXml.read(el, ctx);
                    PrototypeGate.check(api, mark.usage(ctx), gateArtifacts());
                    claim(apiNames, api.name(), "API", el, ctx);
                    // APIs that are not dispatched (CREATED, RETIRED) leave their context to others.
                    if (api.lifecycle().dispatched()) {
                        String contextKey = api.effectiveContext() + " " + api.hostname() + " " + api.port() + " "
                                + api.transport();
                        Api other = apiContexts.get(contextKey);
                        if (other != null) {
                            apiNames.remove(api.name());
                            throw ctx.error(el, "API '" + api.name() + "' uses context '" + api.effectiveContext()
                                    + "', already used by API '" + other.name() + "' at " + other.location());
                        }
                        apiContexts.put(contextKey, api);
                    } else {
                        LOG.info("{}: API '{}' is {}: loaded and validated, not served", api.location(), api.name(),
                                api.lifecycle());
                    }
                    builder.api(api);
                    break;
                }
                default:
                    throw new IllegalStateException(type.name());
            }
        } catch (ConfigException e) {
            mark.forget(ctx);
            problems.add(e.location() == null ? new ConfigProblem(ctx.location(el), e.getMessage()) : e.toProblem());
        } catch (RuntimeException e) {
            // A reader bug must not take the whole repository down; report it where it happened.
            mark.forget(ctx);
            problems.add(new ConfigProblem(ctx.location(el), "cannot read this " + type.label() + ": " + e));
        }
    }

    /** How far a file's recorded references, endpoints and link checks went before one artifact was read. */
    private record Marks(int references, int endpoints, int linkChecks) {
        Marks(ReadContext ctx) {
            this(ctx.references().size(), ctx.endpointUses().size(), ctx.linkChecks().size());
        }

        /** What the artifact read since the mark. */
        PrototypeGate.Usage usage(ReadContext ctx) {
            return new PrototypeGate.Usage(
                    List.copyOf(ctx.endpointUses().subList(endpoints, ctx.endpointUses().size())),
                    List.copyOf(ctx.references().subList(references, ctx.references().size())));
        }

        /** Drops what a rejected artifact recorded: it will not run, so its keys and checks do not matter. */
        void forget(ReadContext ctx) {
            ctx.references().subList(references, ctx.references().size()).clear();
            ctx.endpointUses().subList(endpoints, ctx.endpointUses().size()).clear();
            ctx.linkChecks().subList(linkChecks, ctx.linkChecks().size()).clear();
        }
    }

    private PrototypeGate.Artifacts gateArtifacts() {
        return new PrototypeGate.Artifacts() {
            @Override
            public Endpoint endpoint(String key) {
                return endpoints.get(key);
            }

            @Override
            public PrototypeGate.Usage sequence(String key) {
                return sequenceUsage.get(key);
            }

            @Override
            public PrototypeGate.Usage template(String key) {
                return templateUsage.get(key);
            }
        };
    }

    private void claimRegistryKey(String key, ArtifactType type, OMElement el, ReadContext ctx) {
        Definition first = registryKeys.get(key);
        if (first != null) {
            String what = first.label.equals(type.label()) ? "duplicate " + type.label() + " '" + key + "'"
                    : type.label() + " '" + key + "' has the name of " + first.label + " '" + key
                            + "' (sequences, endpoints and local entries share one namespace)";
            throw ctx.error(el, what + ": already defined at " + first.location);
        }
        registryKeys.put(key, new Definition(type.label(), ctx.location(el)));
    }

    private static void claim(Map<String, Location> names, String name, String label, OMElement el, ReadContext ctx) {
        Location first = names.get(name);
        if (first != null) {
            throw ctx.error(el, "duplicate " + label + " '" + name + "': already defined at " + first);
        }
        names.put(name, ctx.location(el));
    }

    /** Keeps the references a file recorded, to check once every file is read. */
    void collect(ReadContext ctx) {
        references.addAll(ctx.references());
        linkChecks.addAll(ctx.linkChecks());
    }

    /** Resolves cross-file links, builds the configuration and reports dangling keys. */
    Configuration finish() {
        for (ProxyService p : proxies.values()) {
            builder.proxy(link(p));
        }
        Configuration config = builder.build();
        for (ConfigProblem p : ReferenceValidator.check(references, config)) {
            problems.add(p);
        }
        for (LinkCheck check : linkChecks) {
            try {
                check.check(config);
            } catch (ConfigException e) {
                problems.add(e.toProblem());
            }
        }
        for (Endpoint e : endpoints.values()) {
            linkTemplates(e, config, 0);
        }
        for (ProxyService p : config.proxies().values()) {
            if (p.endpoint() != null) {
                linkTemplates(p.endpoint(), config, 0);
            }
        }
        return config;
    }

    /** Instantiates the template endpoints in a tree now, so their problems are reported at deploy. */
    private void linkTemplates(Endpoint e, Configuration config, int depth) {
        if (depth > 16) {
            return;
        }
        if (e instanceof TemplateEndpoint t) {
            String problem = t.link(config);
            // A missing template was already reported as a dangling reference.
            if (problem != null && config.endpointTemplate(t.template()) != null) {
                problems.add(new ConfigProblem(t.location(), problem));
            }
        }
        for (Endpoint c : e.children()) {
            linkTemplates(c, config, depth + 1);
        }
    }

    private ProxyService link(ProxyService p) {
        ProxyService linked = p;
        ProxyService.PublishWsdl wsdl = p.publishWsdl();
        if (wsdl != null && wsdl.key() != null) {
            LocalEntry entry = localEntries.get(wsdl.key());
            // A missing entry is reported as a dangling reference; the proxy then publishes no WSDL.
            if (entry != null) {
                linked = linked.withPublishWsdl(wsdl.withText(entry.xml() != null ? entry.xml().toString()
                        : entry.text()));
            }
        }
        if (p.endpoint() instanceof KeyedEndpoint k) {
            Endpoint target = endpoints.get(k.key());
            if (target != null && target.readsBody() != k.readsBody()) {
                linked = linked.withEndpoint(new KeyedEndpoint(k.key(), target.readsBody()));
            }
        }
        return linked;
    }
}
