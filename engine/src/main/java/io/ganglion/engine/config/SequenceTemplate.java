package io.ganglion.engine.config;

import io.ganglion.engine.mediator.Sequence;
import java.util.List;

/**
 * A sequence template: {@code <template name="t"><parameter name="p" [defaultValue] [isMandatory]/>*
 * <sequence>...</sequence></template>}, invoked by {@code call-template}.
 *
 * @param name the template name
 * @param parameters declared parameters
 * @param body the sequence it runs
 * @param location where it was defined
 */
public record SequenceTemplate(String name, List<Parameter> parameters, Sequence body, Location location) {

    /** A declared parameter. */
    public record Parameter(String name, String defaultValue, boolean mandatory) {}
}
