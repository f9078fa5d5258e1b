package io.ganglion.engine.endpoint.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.health.EndpointHealth.Admission;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {

    private static final long LEASE = 60_000;
    private static final int REFUSED = 101503;
    private static final int TIMED_OUT = 101504;

    private long now = 1_000_000;

    private static SuspensionPolicy policy(List<Integer> timeoutCodes, List<Integer> suspendCodes, int retries,
            long retryDelay, long initial, double factor, long max) {
        return new SuspensionPolicy(timeoutCodes, suspendCodes, retries, retryDelay, initial, factor, max);
    }

    private void fail(EndpointHealth h, int code, boolean probe) {
        h.onFailure(code, "failed", now, now, probe);
    }

    @Test
    void synapseDefaultsSuspendAnyErrorForThirtySeconds() {
        EndpointHealth h = new EndpointHealth(SuspensionPolicy.DEFAULT, false);
        assertEquals(Admission.SEND, h.admit(now, LEASE));
        fail(h, REFUSED, false);
        assertEquals(EndpointState.SUSPENDED, h.state());
        assertEquals(now + 30_000, h.nextRetryAt());
        now += 29_999;
        assertEquals(Admission.REJECT, h.admit(now, LEASE));
        now += 1;
        assertEquals(Admission.PROBE, h.admit(now, LEASE));
    }

    @Test
    void timeoutsSuspendAtOnceWithoutRetries() {
        EndpointHealth h = new EndpointHealth(SuspensionPolicy.DEFAULT, false);
        fail(h, TIMED_OUT, false);
        assertEquals(EndpointState.SUSPENDED, h.state());
    }

    @Test
    void timeoutClassCountsRetriesBeforeSuspension() {
        EndpointHealth h = new EndpointHealth(policy(List.of(TIMED_OUT), List.of(REFUSED), 3, 500, 1000, 2, 60_000),
                false);
        fail(h, TIMED_OUT, false);
        assertEquals(EndpointState.TIMEOUT, h.state());
        assertEquals(Admission.REJECT, h.admit(now + 499, LEASE), "retryDelay holds messages back");
        assertEquals(Admission.SEND, h.admit(now + 500, LEASE));
        fail(h, TIMED_OUT, false);
        fail(h, TIMED_OUT, false);
        assertEquals(EndpointState.TIMEOUT, h.state());
        fail(h, TIMED_OUT, false);
        assertEquals(EndpointState.SUSPENDED, h.state(), "the first error and three more suspend");
    }

    @Test
    void aResponseMakesItActiveAndResetsRetries() {
        EndpointHealth h = new EndpointHealth(policy(null, null, 1, 0, 1000, 1, Long.MAX_VALUE), false);
        fail(h, TIMED_OUT, false);
        assertEquals(EndpointState.TIMEOUT, h.state());
        h.onResponse(now, false);
        assertEquals(EndpointState.ACTIVE, h.state());
        fail(h, TIMED_OUT, false);
        assertEquals(EndpointState.TIMEOUT, h.state(), "retries were reset");
    }

    @Test
    void suspensionGrowsByTheFactorUpToTheMaximum() {
        EndpointHealth h = new EndpointHealth(policy(null, null, 0, 0, 1000, 2.0, 5000), false);
        long[] expected = {1000, 2000, 4000, 5000, 5000};
        for (long d : expected) {
            fail(h, REFUSED, true);
            assertEquals(EndpointState.SUSPENDED, h.state());
            assertEquals(now + d, h.nextRetryAt(), "suspension of " + d + " ms");
            now += d;
            assertEquals(Admission.PROBE, h.admit(now, LEASE));
        }
        h.onResponse(now, true);
        fail(h, REFUSED, false);
        assertEquals(now + 1000, h.nextRetryAt(), "success restarts the progression");
    }

    @Test
    void onlyOneProbeWhenASuspensionEnds() {
        EndpointHealth h = new EndpointHealth(policy(null, null, 0, 0, 1000, 1, Long.MAX_VALUE), false);
        fail(h, REFUSED, false);
        now += 1000;
        assertTrue(h.isReady(now));
        assertEquals(Admission.PROBE, h.admit(now, LEASE));
        assertFalse(h.isReady(now));
        assertEquals(Admission.REJECT, h.admit(now, LEASE), "others wait for the probe");
        assertEquals(Admission.REJECT, h.admit(now + 10, LEASE));
        h.onResponse(now + 20, true);
        assertEquals(Admission.SEND, h.admit(now + 20, LEASE));
    }

    @Test
    void aLostProbeIsReplacedAfterItsLease() {
        EndpointHealth h = new EndpointHealth(policy(null, null, 0, 0, 1000, 1, Long.MAX_VALUE), false);
        fail(h, REFUSED, false);
        now += 1000;
        assertEquals(Admission.PROBE, h.admit(now, LEASE));
        assertEquals(Admission.REJECT, h.admit(now + LEASE - 1, LEASE));
        assertEquals(Admission.PROBE, h.admit(now + LEASE, LEASE));
    }

    @Test
    void failuresOfMessagesSentBeforeTheSuspensionDoNotLengthenIt() {
        EndpointHealth h = new EndpointHealth(policy(null, null, 0, 0, 1000, 2, Long.MAX_VALUE), false);
        long sentEarlier = now;
        now += 10;
        h.onFailure(REFUSED, "first", now, sentEarlier, false);
        long until = h.nextRetryAt();
        h.onFailure(REFUSED, "in flight", now + 5, sentEarlier, false);
        assertEquals(until, h.nextRetryAt());
    }

    @Test
    void codesOutsideBothListsAreIgnored() {
        EndpointHealth h = new EndpointHealth(policy(List.of(TIMED_OUT), List.of(101500), 0, 0, 1000, 1, 1000), false);
        fail(h, REFUSED, false);
        assertEquals(EndpointState.ACTIVE, h.state());
        EndpointStatus s = h.status("ep", "address", null);
        assertEquals(REFUSED, s.lastErrorCode());
        assertEquals(1, s.failures());
    }

    @Test
    void zeroSuspensionKeepsTheEndpointActive() {
        EndpointHealth h = new EndpointHealth(policy(null, null, 0, 0, 0, 1, 0), false);
        fail(h, REFUSED, false);
        assertEquals(EndpointState.ACTIVE, h.state());
        assertEquals(Admission.SEND, h.admit(now, LEASE));
    }

    @Test
    void offIsManualAndSurvivesErrors() {
        EndpointHealth h = new EndpointHealth(SuspensionPolicy.DEFAULT, false);
        fail(h, TIMED_OUT, false);
        h.switchOff();
        fail(h, TIMED_OUT, false);
        assertEquals(EndpointState.OFF, h.state());
        assertEquals(Admission.REJECT, h.admit(now + 1_000_000, LEASE));
        h.onResponse(now, false);
        assertEquals(EndpointState.OFF, h.state());
        h.switchOn();
        assertEquals(EndpointState.ACTIVE, h.state());
    }

    @Test
    void withActiveChecksOnlyTheCheckerEndsASuspension() {
        EndpointHealth h = new EndpointHealth(policy(null, null, 0, 0, 1000, 1, 1000), true);
        fail(h, REFUSED, false);
        assertEquals(Admission.REJECT, h.admit(now + 60_000, LEASE));
        h.markHealthy();
        assertEquals(Admission.SEND, h.admit(now, LEASE));
        h.markUnhealthy(0, "check failed", now);
        assertEquals(EndpointState.SUSPENDED, h.state());
    }

    @Test
    void statusReportsTheState() {
        EndpointHealth h = new EndpointHealth(policy(null, null, 0, 0, 2000, 1, Long.MAX_VALUE), false);
        h.admit(now, LEASE);
        fail(h, REFUSED, false);
        h.admit(now, LEASE);
        EndpointStatus s = h.status("FO[0]", "http", null);
        assertEquals(EndpointState.SUSPENDED, s.state());
        assertEquals(Instant.ofEpochMilli(now + 2000), s.nextRetry());
        assertEquals(1, s.sent());
        assertEquals(1, s.rejected());
        assertEquals(1, s.suspensions());
        assertEquals("failed", s.lastErrorMessage());
        h.onResponse(now, false);
        assertNull(h.status("x", "http", null).nextRetry());
    }
}
