package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.mediator.transform.ClassMediator.Property;
import io.ganglion.engine.xml.SynapseNs;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.axiom.om.OMElement;

/** Reads and writes {@code <class>}: loads, creates and configures the user's mediator. Thread-safe: stateless. */
public final class ClassMediatorXml implements MediatorXml<ClassMediator> {

    /** Setter parameter types a text value converts to. */
    private static final Map<Class<?>, Function<String, Object>> CONVERSIONS = Map.ofEntries(
            Map.entry(String.class, s -> s), Map.entry(Object.class, s -> s),
            Map.entry(int.class, Integer::valueOf), Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(short.class, Short::valueOf), Map.entry(Short.class, Short::valueOf),
            Map.entry(double.class, Double::valueOf), Map.entry(Double.class, Double::valueOf),
            Map.entry(float.class, Float::valueOf), Map.entry(Float.class, Float::valueOf),
            Map.entry(boolean.class, Boolean::valueOf), Map.entry(Boolean.class, Boolean::valueOf));

    @Override
    public QName element() {
        return SynapseNs.q("class");
    }

    @Override
    public Class<ClassMediator> type() {
        return ClassMediator.class;
    }

    @Override
    public ClassMediator read(OMElement el, ReadContext ctx) {
        String name = ctx.requiredAttribute(el, "name").trim();
        Mediator instance = instantiate(name, el, ctx);
        List<Property> properties = new ArrayList<>();
        for (OMElement p : ReadContext.childrenNamed(el, "property")) {
            String pname = ctx.requiredAttribute(p, "name");
            if (ctx.attribute(p, "expression") != null) {
                throw ctx.error(p, "<class> properties take a value or inline XML; 'expression' is not supported");
            }
            String value = ctx.attribute(p, "value");
            OMElement xml = p.getFirstElement();
            if ((value == null) == (xml == null)) {
                throw ctx.error(p, "<property name=\"" + pname + "\"> needs either a 'value' attribute or inline XML");
            }
            Property prop = new Property(pname, value, xml == null ? null : xml.cloneOMElement());
            set(instance, prop, p, ctx);
            properties.add(prop);
        }
        return new ClassMediator(name, instance, properties);
    }

    private static Mediator instantiate(String name, OMElement el, ReadContext ctx) {
        Class<?> c;
        try {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            c = Class.forName(name, true, cl != null ? cl : ClassMediatorXml.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw ctx.error(el, "class '" + name + "' is not on the class path");
        } catch (LinkageError e) {
            throw ctx.error(el, "class '" + name + "' could not be loaded: " + e);
        }
        if (!Mediator.class.isAssignableFrom(c)) {
            throw ctx.error(el, "class '" + name + "' does not implement " + Mediator.class.getName());
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            throw ctx.error(el, "class '" + name + "' is abstract and cannot be created");
        }
        try {
            return (Mediator) c.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw ctx.error(el, "class '" + name + "' has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw ctx.error(el, "class '" + name + "' failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw ctx.error(el, "class '" + name + "' could not be created: " + e);
        }
    }

    private static void set(Mediator instance, Property prop, OMElement at, ReadContext ctx) {
        String n = prop.name();
        String setter = "set" + n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1);
        for (Method m : instance.getClass().getMethods()) {
            if (!m.getName().equals(setter) || m.getParameterCount() != 1) {
                continue;
            }
            Class<?> type = m.getParameterTypes()[0];
            Object arg;
            if (prop.xml() != null) {
                if (!type.isAssignableFrom(OMElement.class)) {
                    continue;
                }
                arg = prop.xml().cloneOMElement();
            } else {
                Function<String, Object> conv = CONVERSIONS.get(type);
                if (conv == null) {
                    continue;
                }
                try {
                    boolean text = type == String.class || type == Object.class;
                    arg = text ? prop.value() : conv.apply(prop.value().trim());
                } catch (NumberFormatException e) {
                    throw ctx.error(at, "property '" + n + "' value '" + prop.value() + "' is not a valid "
                            + type.getSimpleName());
                }
            }
            try {
                m.invoke(instance, arg);
                return;
            } catch (InvocationTargetException e) {
                throw ctx.error(at, "setting property '" + n + "' on " + instance.getClass().getName() + " failed: "
                        + e.getCause());
            } catch (IllegalAccessException | IllegalArgumentException e) {
                throw ctx.error(at, "setting property '" + n + "' on " + instance.getClass().getName() + " failed: " + e);
            }
        }
        throw ctx.error(at, "class '" + instance.getClass().getName() + "' has no public setter " + setter + "("
                + (prop.xml() != null ? "OMElement" : "String") + ") for property '" + n + "'");
    }

    @Override
    public OMElement write(ClassMediator m, WriteContext ctx) {
        OMElement el = ctx.element("class");
        ctx.attribute(el, "name", m.className());
        for (Property p : m.properties()) {
            OMElement pe = ctx.element("property", el);
            ctx.attribute(pe, "name", p.name());
            if (p.xml() != null) {
                pe.addChild(p.xml().cloneOMElement());
            } else {
                ctx.attribute(pe, "value", p.value());
            }
        }
        return el;
    }
}
