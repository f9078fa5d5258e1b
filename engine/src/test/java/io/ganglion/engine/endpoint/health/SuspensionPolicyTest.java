package io.ganglion.engine.endpoint.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.engine.endpoint.definition.EndpointDefinition;
import io.ganglion.engine.endpoint.health.SuspensionPolicy.Effect;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.endpoint.address.AddressEndpoint;
import org.junit.jupiter.api.Test;

class SuspensionPolicyTest {

    private static EndpointDefinition definition(String qos) {
        ReadContext ctx = ReadContext.forText("ep.xml", "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\">"
                + "<address uri=\"http://h/\">" + qos + "</address></endpoint>");
        return ((AddressEndpoint) ctx.endpoint(ctx.root())).definition();
    }

    @Test
    void defaultClassification() {
        SuspensionPolicy p = SuspensionPolicy.of(definition(""));
        assertEquals(Effect.TIMEOUT, p.effectOf(101504));
        assertEquals(Effect.TIMEOUT, p.effectOf(101505));
        assertEquals(Effect.SUSPEND, p.effectOf(101503));
        assertEquals(Effect.SUSPEND, p.effectOf(101500));
        assertEquals(30_000, p.nextSuspensionMs(-1));
        assertEquals(30_000, p.nextSuspensionMs(30_000));
    }

    @Test
    void configuredLists() {
        SuspensionPolicy p = SuspensionPolicy.of(definition(
                "<markForSuspension><errorCodes>101504,101505</errorCodes><retriesBeforeSuspension>3"
                + "</retriesBeforeSuspension><retryDelay>1</retryDelay></markForSuspension>"
                + "<suspendOnFailure><errorCodes>101500,101501,101506,101507,101508</errorCodes>"
                + "<initialDuration>1000</initialDuration><progressionFactor>2</progressionFactor>"
                + "<maximumDuration>60000</maximumDuration></suspendOnFailure>"));
        assertEquals(Effect.IGNORE, p.effectOf(101503), "the MI docs' example leaves 101503 ACTIVE");
        assertEquals(Effect.SUSPEND, p.effectOf(101508));
        assertEquals(3, p.retriesBeforeSuspension());
        assertEquals(1000, p.nextSuspensionMs(-1));
        assertEquals(2000, p.nextSuspensionMs(1000));
        assertEquals(60_000, p.nextSuspensionMs(40_000));
    }

    @Test
    void negativeInitialDurationMeansThirtySeconds() {
        SuspensionPolicy p = SuspensionPolicy.of(definition(
                "<suspendOnFailure><initialDuration>-1</initialDuration></suspendOnFailure>"));
        assertEquals(30_000, p.nextSuspensionMs(-1));
    }

    @Test
    void legacySuspendDurationIsInSeconds() {
        SuspensionPolicy p = SuspensionPolicy.of(definition("<suspendDurationOnFailure>5</suspendDurationOnFailure>"));
        assertEquals(5000, p.nextSuspensionMs(-1));
        assertEquals(5000, p.nextSuspensionMs(5000));
    }

    @Test
    void apiManagerSentinelNeverMatches() {
        SuspensionPolicy p = SuspensionPolicy.of(definition(
                "<markForSuspension><errorCodes>-1</errorCodes></markForSuspension>"
                + "<suspendOnFailure><errorCodes>-1</errorCodes><initialDuration>0</initialDuration>"
                + "<maximumDuration>0</maximumDuration></suspendOnFailure>"));
        assertEquals(Effect.IGNORE, p.effectOf(101504));
        assertEquals(Effect.IGNORE, p.effectOf(101503));
    }
}
