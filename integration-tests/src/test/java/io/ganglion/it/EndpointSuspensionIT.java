package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.it.ScriptedBackend.Answer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Suspension and its progression with short real durations. */
class EndpointSuspensionIT {

    @Test
    void suspensionRefusesThenProbesAndGrows() {
        int port = Ports.closed();
        TestRepo repo = EndpointFailoverIT.api(TestRepo.create(), "s", "S").endpoint("S",
                "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"S\"><address uri=\"http://127.0.0.1:"
                        + port + "/svc\"><suspendOnFailure><initialDuration>500</initialDuration>"
                        + "<progressionFactor>2</progressionFactor><maximumDuration>5000</maximumDuration>"
                        + "</suspendOnFailure></address></endpoint>");
        try (Gateway gw = Gateway.start(repo)) {
            assertCode("101503", Http.get(gw.url("/s")));
            assertCode("303001", Http.get(gw.url("/s")));
            EndpointFailoverIT.sleep(700);
            assertCode("101503", Http.get(gw.url("/s")));
            try (ScriptedBackend up = ScriptedBackend.startOn("up", port, r -> Answer.ok("up"))) {
                EndpointFailoverIT.sleep(700);
                assertCode("303001", Http.get(gw.url("/s")));
                assertEquals(0, up.count(), "the second suspension is twice as long");
                EndpointFailoverIT.sleep(600);
                HttpResponse<String> ok = Http.get(gw.url("/s"));
                assertEquals(200, ok.statusCode(), ok.body());
                assertEquals("up", ok.body());
                assertEquals("up", Http.get(gw.url("/s")).body());
            }
        }
    }

    private static void assertCode(String code, HttpResponse<String> r) {
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().contains("<code>" + code + "</code>"), r.body());
    }
}
