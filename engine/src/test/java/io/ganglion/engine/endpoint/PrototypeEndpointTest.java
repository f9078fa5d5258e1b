package io.ganglion.engine.endpoint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code prototype="true"} flag of WSO2's prototype endpoints. */
class PrototypeEndpointTest {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    @Test
    void flagIsReadOnAnyEndpointAndWrittenBack() {
        String http = "<endpoint " + NS + " name=\"Mock\" prototype=\"true\"><http uri-template=\"http://localhost:9/x\"/>"
                + "</endpoint>";
        assertTrue(EndpointRegistryTest.read(http).wrapper().prototype());
        EndpointRegistryTest.assertRoundTrip(http);
        String address = "<endpoint " + NS + " name=\"A\" prototype=\"true\"><address uri=\"http://localhost:9/a\"/>"
                + "</endpoint>";
        assertTrue(EndpointRegistryTest.read(address).wrapper().prototype());
        EndpointRegistryTest.assertRoundTrip(address);
        String plain = "<endpoint " + NS + " name=\"P\"><address uri=\"http://localhost:9/a\"/></endpoint>";
        assertFalse(EndpointRegistryTest.read(plain).wrapper().prototype());
        EndpointRegistryTest.assertRoundTrip(plain);
        assertTrue(EndpointRegistryTest.error("<endpoint " + NS + " prototype=\"yes\"><address uri=\"http://h/\"/>"
                + "</endpoint>").getMessage().contains("'prototype' must be true or false"));
    }

    @Test
    void theOldConstructorMakesNoPrototype() {
        assertFalse(new EndpointWrapper("n", List.of(), null).prototype());
        assertFalse(EndpointWrapper.ANONYMOUS.prototype());
    }
}
