package io.ganglion.engine.mediator.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.MediatorRegistry;
import io.ganglion.engine.mediator.MediatorXml;
import io.ganglion.engine.xml.SynapseNs;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CoreMediatorsTest {

    @Test
    void everyCoreElementIsRegistered() {
        Set<String> names = CoreMediators.all().stream().map(x -> x.element().getLocalPart()).collect(Collectors.toSet());
        assertEquals(Set.of("log", "property", "header", "filter", "switch", "sequence", "in", "out", "send", "call",
                "respond", "drop", "loopback", "call-template"), names);
        for (MediatorXml<?> x : CoreMediators.all()) {
            assertEquals(SynapseNs.URI, x.element().getNamespaceURI());
            assertSame(x.getClass(), MediatorRegistry.defaults().forElement(x.element()).getClass());
        }
    }

    @Test
    void mediatorsAreImmutable() {
        List<Class<? extends Mediator>> types = CoreMediators.all().stream()
                .<Class<? extends Mediator>>map(MediatorXml::type).toList();
        for (Class<?> t : types) {
            assertTrue(Modifier.isFinal(t.getModifiers()), t + " should be final");
            for (Class<?> c = t; c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    assertTrue(Modifier.isFinal(f.getModifiers()), c.getSimpleName() + "." + f.getName() + " is not final");
                }
            }
        }
        assertNotNull(types);
    }
}
