package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.message.MessageContext;
import java.util.List;
import org.apache.axiom.om.OMElement;

/**
 * Runs a user's Java mediator: a public class with a public no-argument constructor that implements
 * {@link Mediator}. It is created once at load and its setters are called once with the configured
 * properties.
 *
 * <pre>{@code
 * <class name="com.example.MyMediator">
 *   <property name="threshold" value="10"/>*
 *   <property name="template"><any xml/></property>*
 * </class>
 * }</pre>
 *
 * <p>{@code setXxx(String)} (or a primitive, its wrapper, or {@code Object}) receives a value;
 * {@code setXxx(OMElement)} receives inline XML. Thread-safe: as thread-safe as the user's class,
 * which is shared by every message, as in Synapse.
 */
public final class ClassMediator implements Mediator {

    /**
     * A configured property.
     *
     * @param name the property name
     * @param value its text value, or null
     * @param xml its XML value, or null
     */
    public record Property(String name, String value, OMElement xml) {}

    private final String className;
    private final Mediator instance;
    private final List<Property> properties;

    public ClassMediator(String className, Mediator instance, List<Property> properties) {
        this.className = className;
        this.instance = instance;
        this.properties = List.copyOf(properties);
    }

    public String className() {
        return className;
    }

    /** The user's mediator object. */
    public Mediator instance() {
        return instance;
    }

    public List<Property> properties() {
        return properties;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        return instance.mediate(ctx);
    }

    @Override
    public boolean readsBody() {
        // Unknown: user code may read the body without saying so, and reading ahead keeps workers from waiting.
        return true;
    }
}
