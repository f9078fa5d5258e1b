package io.ganglion.engine.endpoint.auth;

import static io.ganglion.engine.endpoint.EndpointTesting.endpoint;
import static io.ganglion.engine.endpoint.EndpointTesting.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.endpoint.EndpointTesting.MutableClock;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.XmlAsserts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthGrantTest {

    private final MutableClock clock = new MutableClock();
    private final List<String> tokenForms = new ArrayList<>();
    private int issued;
    private String valid = "tok1";
    private final ScriptedSender sender = new ScriptedSender()
            .on("t:1", r -> {
                tokenForms.add(new String(((OutboundBody.Bytes) r.body()).bytes(), StandardCharsets.UTF_8)
                        + " | " + r.headers().get("Authorization"));
                issued++;
                return response(200, "{\"access_token\":\"tok" + issued + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":60}");
            })
            .on("b:2", r -> ("Bearer " + valid).equals(r.headers().get("Authorization")) ? response(200, "data")
                    : response(401, "bad token"));
    private final MediationHarness harness = new MediationHarness().withSender(sender).withClock(clock);

    private static final String CLIENT_CREDENTIALS = "<endpoint>"
            + "<http uri-template=\"http://b:2/data\"><authentication><oauth><clientCredentials>"
            + "<clientId>app</clientId><clientSecret>s3cret</clientSecret><tokenUrl>http://t:1/token</tokenUrl>"
            + "<requestParameters><parameter name=\"scope\">read</parameter></requestParameters>"
            + "</clientCredentials></oauth></authentication></http></endpoint>";

    private int send(Endpoint ep) {
        Outcome o = new Outcome();
        ep.send(harness.request(), o);
        return o.response().status();
    }

    @Test
    void theTokenIsFetchedOnceAndCachedUntilItExpires() {
        Endpoint ep = endpoint(CLIENT_CREDENTIALS);
        assertEquals(200, send(ep));
        assertEquals(200, send(ep));
        assertEquals(1, issued);
        assertEquals("grant_type=client_credentials&scope=read | Basic YXBwOnMzY3JldA==", tokenForms.get(0));
        clock.advance(51_000);
        valid = "tok2";
        assertEquals(200, send(ep));
        assertEquals(2, issued, "expired (less the skew): fetched again");
    }

    @Test
    void a401RefreshesTheTokenOnce() {
        Endpoint ep = endpoint(CLIENT_CREDENTIALS);
        assertEquals(200, send(ep));
        valid = "tok2";
        assertEquals(200, send(ep));
        assertEquals(2, issued);
        valid = "never";
        assertEquals(401, send(ep), "a second 401 goes to the client");
        assertEquals(3, issued);
    }

    @Test
    void aFailingTokenEndpointIs303003() {
        sender.on("t:1", r -> response(500, "down"));
        Outcome o = new Outcome();
        endpoint(CLIENT_CREDENTIALS).send(harness.request(), o);
        assertEquals(303003, o.failure().errorCode());
        assertTrue(o.failure().message().contains("answered 500"), o.failure().message());
    }

    @Test
    void payloadModeAndPasswordGrant() {
        Endpoint ep = endpoint("<endpoint><http uri-template=\"http://b:2/\"><authentication><oauth><passwordCredentials>"
                + "<clientId>app</clientId><clientSecret>s</clientSecret><username>u</username><password>p w</password>"
                + "<tokenUrl>http://t:1/token</tokenUrl><authMode>payload</authMode></passwordCredentials></oauth>"
                + "</authentication></http></endpoint>");
        send(ep);
        assertEquals("grant_type=password&username=u&password=p+w&client_id=app&client_secret=s | null",
                tokenForms.get(0));
    }

    @Test
    void secretsFromTheEnvironment() {
        Secret s = Secret.of("${env:PW}-x", Map.of("PW", "hunter2")::get);
        assertEquals("hunter2-x", s.value());
        assertEquals("${env:PW}-x", s.configured());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Secret.of("${env:NOPE}", n -> null))
                .getMessage().contains("'NOPE' is not set"));
        ConfigException e = assertThrows(ConfigException.class, () -> endpoint("<endpoint><http uri-template=\"http://b/\">"
                + "<authentication><basicAuth><username>u</username><password>${env:GANGLION_SURELY_UNSET_42}</password>"
                + "</basicAuth></authentication></http></endpoint>"));
        assertTrue(e.getMessage().contains("GANGLION_SURELY_UNSET_42"), e.getMessage());
    }

    @Test
    void roundTrips() {
        for (String xml : List.of(CLIENT_CREDENTIALS.replace("<endpoint>",
                        "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\">"),
                "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\"><http uri-template=\"http://b/\"><authentication>"
                        + "<digestAuth><username>u</username><password>${env:PATH}</password></digestAuth>"
                        + "</authentication><healthCheck path=\"/health\" interval=\"500\"/></http></endpoint>",
                "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\"><http uri-template=\"http://b/\"><authentication>"
                        + "<oauth><authorizationCode><clientId>c</clientId><clientSecret>s</clientSecret>"
                        + "<refreshToken>r</refreshToken><tokenUrl>http://t/</tokenUrl><authMode>header</authMode>"
                        + "<socketTimeout>5000</socketTimeout></authorizationCode></oauth></authentication></http>"
                        + "</endpoint>")) {
            ReadContext ctx = XmlAsserts.readContext("e.xml", xml);
            Endpoint e = ctx.endpoint(ctx.root());
            XmlAsserts.assertSimilar(xml, EndpointRegistry.defaults().write(e, XmlAsserts.writeContext()));
        }
    }
}
