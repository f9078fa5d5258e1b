package io.ganglion.engine.endpoint.group;

import static io.ganglion.engine.testing.XmlAsserts.assertSimilar;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.testing.XmlAsserts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupXmlTest {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    @ParameterizedTest
    @ValueSource(strings = {
        "<endpoint " + NS + " name=\"FO\"><failover><endpoint key=\"A\"/><endpoint><address uri=\"http://b:2/\"/>"
                + "</endpoint></failover></endpoint>",
        "<endpoint " + NS + " name=\"FO\"><failover dynamic=\"false\" buildMessage=\"true\" maxRetries=\"2\""
                + " retryNonIdempotent=\"true\" failoverOnStatus=\"502,503\" replayBufferSize=\"1024\">"
                + "<endpoint name=\"p\"><http uri-template=\"http://a/{uri.var.x}\" method=\"post\"/></endpoint>"
                + "<endpoint><address uri=\"http://b:2/\"><retryConfig><disabledErrorCodes>101504"
                + "</disabledErrorCodes></retryConfig></address></endpoint></failover>"
                + "<property name=\"p\" value=\"v\"/></endpoint>",
        "<endpoint " + NS + " name=\"LB\"><loadbalance algorithm=\"org.apache.synapse.endpoints.algorithms"
                + ".WeightedRoundRobin\" failover=\"false\"><endpoint><address uri=\"http://a/\"/>"
                + "<property name=\"loadbalance.weight\" value=\"3\"/></endpoint><endpoint key=\"B\"/></loadbalance>"
                + "</endpoint>",
        "<endpoint " + NS + "><session type=\"http\"><sessionTimeout>60000</sessionTimeout></session>"
                + "<loadbalance policy=\"roundRobin\"><endpoint><failover><endpoint key=\"A\"/><endpoint key=\"B\"/>"
                + "</failover></endpoint><endpoint key=\"C\"/></loadbalance></endpoint>",
        "<endpoint " + NS + "><session type=\"simpleClientSession\"/><loadbalance><member hostName=\"127.0.0.1\""
                + " httpPort=\"9001\" httpsPort=\"9005\"/><member hostName=\"h2\" httpPort=\"9002\"/></loadbalance>"
                + "</endpoint>",
        "<endpoint " + NS + " name=\"RL\"><recipientlist><endpoint key=\"A\"/><endpoint><address uri=\"http://b/\"/>"
                + "</endpoint></recipientlist></endpoint>",
        "<endpoint " + NS + "><recipientlist><endpoints value=\"{get-property('recipients')}\" max-cache=\"5\"/>"
                + "</recipientlist></endpoint>",
        "<endpoint " + NS + "><recipientlist><member hostName=\"a\" httpPort=\"1\"/></recipientlist></endpoint>"
    })
    void roundTrip(String xml) {
        ReadContext ctx = XmlAsserts.readContext("ep.xml", xml);
        Endpoint e = ctx.endpoint(ctx.root());
        assertSimilar(xml, EndpointRegistry.defaults().write(e, XmlAsserts.writeContext()));
    }
}
