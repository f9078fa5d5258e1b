package io.ganglion.engine.rest;

import io.ganglion.engine.config.Location;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.runtime.MediationFlow;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A resource of an API: {@code <resource [methods] [uri-template|url-mapping] [content-type]
 * [user-agent] [protocol]>} with its in, out and fault sequences (inline or by key). Thread-safe: immutable.
 *
 * @param apiName owning API's name (with {@code :v<version>} when versioned)
 * @param methods allowed methods (upper case, in declaration order); empty means all
 * @param uriTemplate the compiled {@code uri-template}, or null
 * @param urlMapping the compiled {@code url-mapping}, or null
 * @param contentType the request Content-Type the resource accepts (checked when a body is present), or null
 * @param userAgent the User-Agent pattern the resource accepts, or null
 * @param protocol {@code http} or {@code https} when the resource accepts only one, or null
 * @param inSequence request sequence, or null; for a resource with a prototype implementation, that implementation
 * @param outSequence response sequence, or null
 * @param faultSequence fault sequence, or null
 * @param prototype the prototype implementation that answers instead of sequences, or null
 * @param location where it was defined, or null
 */
public record Resource(String apiName, Set<String> methods, UriTemplate uriTemplate, UrlMapping urlMapping,
        String contentType, Pattern userAgent, String protocol, Mediator inSequence, Mediator outSequence,
        Mediator faultSequence, PrototypeImplementation prototype, Location location) implements MediationFlow {

    public Resource {
        methods = Collections.unmodifiableSet(new LinkedHashSet<>(methods));
        if (prototype != null) {
            if (inSequence != null && inSequence != prototype) {
                throw new IllegalArgumentException("a resource has a prototype implementation or an in sequence, not both");
            }
            inSequence = prototype;
        }
    }

    /** A resource without a prototype implementation. */
    public Resource(String apiName, Set<String> methods, UriTemplate uriTemplate, UrlMapping urlMapping,
            String contentType, Pattern userAgent, String protocol, Mediator inSequence, Mediator outSequence,
            Mediator faultSequence, Location location) {
        this(apiName, methods, uriTemplate, urlMapping, contentType, userAgent, protocol, inSequence, outSequence,
                faultSequence, null, location);
    }

    /** This resource answered by {@code implementation} instead of its (absent) in sequence. */
    public Resource withPrototype(PrototypeImplementation implementation) {
        return new Resource(apiName, methods, uriTemplate, urlMapping, contentType, userAgent, protocol, null,
                outSequence, faultSequence, implementation, location);
    }

    /** A resource with only methods, a mapping and sequences (tests, programmatic use). */
    public static Resource of(String apiName, Set<String> methods, String uriTemplate, String urlMapping,
            Mediator inSequence, Mediator outSequence, Mediator faultSequence) {
        return new Resource(apiName, methods, uriTemplate == null ? null : UriTemplate.parse(uriTemplate),
                urlMapping == null ? null : UrlMapping.parse(urlMapping), null, null, null, inSequence, outSequence,
                faultSequence, null);
    }

    /** True when the resource handles {@code method} (an empty method list handles all). */
    public boolean allows(String method) {
        return methods.isEmpty() || methods.contains(method);
    }

    /** A label for logs and SYNAPSE_RESOURCE: methods and mapping, e.g. {@code GET /orders/{id}}. */
    public String label() {
        String mapping = uriTemplate != null ? uriTemplate.toString() : urlMapping != null ? urlMapping.toString() : "*";
        return (methods.isEmpty() ? "*" : String.join(",", methods)) + " " + mapping;
    }

    @Override
    public String flowName() {
        return "api:" + apiName;
    }
}
