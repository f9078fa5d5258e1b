package io.ganglion.engine.mediator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.xml.namespace.QName;

/**
 * Maps mediator elements to their readers and mediator classes to their writers. Built once from
 * the built-in list plus {@link ServiceLoader} extensions. Thread-safe: immutable after construction.
 */
public final class MediatorRegistry {

    private static final MediatorRegistry DEFAULT = new MediatorRegistry(builtIns());

    private final Map<QName, MediatorXml<?>> byElement = new HashMap<>();
    private final Map<Class<?>, MediatorXml<?>> byType = new HashMap<>();

    public MediatorRegistry(List<MediatorXml<?>> xmls) {
        for (MediatorXml<?> x : xmls) {
            byElement.put(x.element(), x);
            byType.put(x.type(), x);
        }
    }

    /** The registry with every built-in and extension mediator. */
    public static MediatorRegistry defaults() {
        return DEFAULT;
    }

    private static List<MediatorXml<?>> builtIns() {
        List<MediatorXml<?>> all = new ArrayList<>();
        all.addAll(io.ganglion.engine.mediator.core.CoreMediators.all());
        all.addAll(io.ganglion.engine.mediator.transform.TransformMediators.all());
        all.addAll(io.ganglion.engine.mediator.script.ScriptMediators.all());
        for (MediatorXml<?> x : ServiceLoader.load(MediatorXml.class)) {
            all.add(x);
        }
        return all;
    }

    /** The reader for an element, or null. */
    public MediatorXml<?> forElement(QName element) {
        return byElement.get(element);
    }

    /** The writer for a mediator, or null. */
    @SuppressWarnings("unchecked")
    public <T extends Mediator> MediatorXml<T> forMediator(T mediator) {
        return (MediatorXml<T>) byType.get(mediator.getClass());
    }
}
