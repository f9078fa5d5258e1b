package io.ganglion.engine.endpoint.template;

import io.ganglion.engine.config.Location;
import java.util.List;
import java.util.Objects;

/**
 * An endpoint template: {@code <template name="t"><parameter name="p" [defaultValue="v"]/>*
 * <endpoint ...>...</endpoint></template>}. The endpoint is kept as XML text, because its
 * {@code $p} placeholders may stand where numbers or URLs are expected; it is read when a
 * {@code <endpoint template="t">} is instantiated. Besides the declared parameters, {@code $name}
 * and {@code $uri} are always available (from the template endpoint's attributes).
 * Thread-safe: immutable.
 *
 * @param name the template name
 * @param parameters declared parameters
 * @param endpointXml the {@code <endpoint>} element, serialized with its namespaces
 * @param location where the template was defined
 */
public record EndpointTemplate(String name, List<Parameter> parameters, String endpointXml, Location location) {

    /** A declared parameter. */
    public record Parameter(String name, String defaultValue, boolean mandatory) {}

    public EndpointTemplate {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(endpointXml, "endpointXml");
    }
}
