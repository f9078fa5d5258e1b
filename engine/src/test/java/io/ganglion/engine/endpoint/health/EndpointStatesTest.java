package io.ganglion.engine.endpoint.health;

import static io.ganglion.engine.endpoint.EndpointTesting.endpoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointTesting.MutableClock;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.testing.MediationHarness;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EndpointStatesTest {

    private final Endpoint fo = endpoint("<endpoint name=\"FO\"><failover><endpoint key=\"Shared\"/>"
            + "<endpoint><address uri=\"http://b:2/\"/></endpoint><endpoint name=\"C\"><http uri-template=\"http://c:3/\"/>"
            + "</endpoint></failover></endpoint>");
    private final Endpoint shared = endpoint("<endpoint name=\"Shared\"><address uri=\"http://a:1/\"/></endpoint>");
    private final Endpoint dyn = endpoint("<endpoint name=\"Dyn\"><default/></endpoint>");
    private final Configuration config = Configuration.builder().endpoint("FO", fo).endpoint("Shared", shared)
            .endpoint("Dyn", dyn).build();
    private final EndpointStates states = EndpointStates.of(() -> config);

    private static List<String> paths(List<EndpointStatus> list) {
        return list.stream().map(s -> s.path() + (s.target() == null ? "" : " " + s.target()))
                .collect(Collectors.toList());
    }

    @Test
    void listsEveryLeafOnceByPath() {
        assertEquals(List.of("FO[1]", "C", "Shared"), paths(states.list()));
    }

    @Test
    void defaultEndpointsListOneStatePerTarget() {
        MutableClock clock = new MutableClock();
        MediationHarness harness = new MediationHarness(config).withSender(new ScriptedSender().ok("good:1"))
                .withClock(clock);
        var bad = harness.request();
        bad.setTo("http://bad:9/x");
        dyn.send(bad, new Outcome());
        var good = harness.request();
        good.setTo("http://good:1/x");
        Outcome o = new Outcome();
        dyn.send(good, o);
        assertEquals(200, o.response().status(), "a suspended To address does not suspend the others");
        List<EndpointStatus> d = states.find("Dyn");
        assertEquals(List.of("Dyn http://bad:9", "Dyn http://good:1"), paths(d));
        assertEquals(EndpointState.SUSPENDED, d.get(0).state());
        assertEquals(EndpointState.ACTIVE, d.get(1).state());
    }

    @Test
    void switchingAGroupSwitchesItsLeaves() {
        assertTrue(states.switchOff("FO"));
        assertEquals(List.of(EndpointState.OFF, EndpointState.OFF),
                states.find("FO").stream().map(EndpointStatus::state).collect(Collectors.toList()));
        assertEquals(EndpointState.ACTIVE, states.find("Shared").get(0).state(), "references are not followed");
        assertTrue(states.switchOn("FO[1]"));
        assertEquals(EndpointState.ACTIVE, states.find("FO[1]").get(0).state());
        assertFalse(states.switchOff("nothing"));
        assertTrue(states.find("nothing").isEmpty());
    }
}
