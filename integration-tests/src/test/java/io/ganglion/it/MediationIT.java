package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The end-to-end scenarios: real server, real backends, real sockets on 127.0.0.1. */
class MediationIT {

    @Test
    void apiWithUriTemplateSendsToHttpEndpoint() {
        try (Backend backend = Backend.start(r -> Backend.Reply.json("{\"user\":\"ok\",\"path\":\"" + r.uri() + "\"}"))) {
            TestRepo repo = TestRepo.create().api("Users", """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="Users" context="/users">
                      <resource methods="GET" uri-template="/{id}?expand={e}">
                        <inSequence>
                          <send>
                            <endpoint>
                              <http method="get" uri-template="%s/backend/users/{uri.var.id}?expand={query.param.expand}"/>
                            </endpoint>
                          </send>
                        </inSequence>
                        <outSequence><send/></outSequence>
                      </resource>
                    </api>""".formatted(backend.url("")));
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> r = Http.get(gw.url("/users/42?expand=all%20items"));
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("/backend/users/42?expand=all%20items", backend.last().uri());
                assertEquals("GET", backend.last().method());
                assertTrue(r.body().contains("\"user\":\"ok\""), r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            }
        }
    }

    @Test
    void proxyConvertsPoxAndJsonClientsToSoap11() {
        String soapReply = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<m:getQuoteResponse xmlns:m=\"urn:quotes\"><m:price>42.5</m:price></m:getQuoteResponse>"
                + "</soapenv:Body></soapenv:Envelope>";
        try (Backend backend = Backend.start(r -> new Backend.Reply(200, "text/xml; charset=UTF-8", soapReply))) {
            TestRepo repo = TestRepo.create().proxy("StockQuote", """
                    <proxy xmlns="http://ws.apache.org/ns/synapse" name="StockQuote" transports="http https">
                      <target>
                        <endpoint><address uri="%s" format="soap11"/></endpoint>
                        <outSequence>
                          <property name="messageType" value="application/xml" scope="axis2"/>
                          <send/>
                        </outSequence>
                      </target>
                    </proxy>""".formatted(backend.url("/soap/StockQuoteService")));
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> pox = Http.post(gw.url("/services/StockQuote"), "application/xml",
                        "<m:getQuote xmlns:m=\"urn:quotes\"><m:symbol>IBM</m:symbol></m:getQuote>",
                        "SOAPAction", "urn:getQuote");
                assertEquals(200, pox.statusCode(), pox.body());
                Backend.Received got = backend.last();
                assertTrue(got.header("Content-Type").startsWith("text/xml"), got.header("Content-Type"));
                assertTrue(got.body().contains("http://schemas.xmlsoap.org/soap/envelope/"), got.body());
                assertTrue(got.body().contains("<m:symbol>IBM</m:symbol>"), got.body());
                assertTrue(pox.body().contains("getQuoteResponse"), pox.body());
                assertTrue(!pox.body().contains("Envelope"), "the outSequence asked for POX: " + pox.body());

                HttpResponse<String> json = Http.post(gw.url("/services/StockQuote"), "application/json",
                        "{\"getQuote\":{\"symbol\":\"MSFT\"}}");
                assertEquals(200, json.statusCode(), json.body());
                assertTrue(backend.last().body().contains("<symbol>MSFT</symbol>"), backend.last().body());
                assertTrue(backend.last().body().contains("soap/envelope"), backend.last().body());
            }
        }
    }

    @Test
    void toHeaderChoosesTheBackendByQueryParameterAndByPayload() {
        try (Backend eu = Backend.json("{\"region\":\"eu\"}"); Backend us = Backend.json("{\"region\":\"us\"}")) {
            TestRepo repo = TestRepo.create().api("Route", """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="Route" context="/route">
                      <resource methods="GET" uri-template="/by-query">
                        <inSequence>
                          <filter source="$url:region" regex="eu">
                            <then><header name="To" value="%1$s"/></then>
                            <else><header name="To" value="%2$s"/></else>
                          </filter>
                          <send/>
                        </inSequence>
                        <outSequence><send/></outSequence>
                      </resource>
                      <resource methods="POST" uri-template="/by-payload">
                        <inSequence>
                          <switch source="//region">
                            <case regex="eu"><header name="To" value="%1$s"/></case>
                            <default><header name="To" expression="concat('%2$s', '')"/></default>
                          </switch>
                          <send/>
                        </inSequence>
                        <outSequence><send/></outSequence>
                      </resource>
                    </api>""".formatted(eu.url("/eu"), us.url("/us")));
            try (Gateway gw = Gateway.start(repo)) {
                assertTrue(Http.get(gw.url("/route/by-query?region=eu")).body().contains("eu"));
                assertTrue(Http.get(gw.url("/route/by-query?region=us")).body().contains("us"));
                assertEquals(1, eu.received.size());
                assertEquals(1, us.received.size());
                assertTrue(Http.post(gw.url("/route/by-payload"), "application/json", "{\"region\":\"eu\"}").body()
                        .contains("eu"));
                assertTrue(Http.post(gw.url("/route/by-payload"), "application/xml", "<o><region>us</region></o>").body()
                        .contains("us"));
                assertEquals("/eu", eu.last().uri());
                assertEquals("<o><region>us</region></o>", us.last().body());
            }
        }
    }

    @Test
    void callThenRespond() {
        try (Backend backend = Backend.json("{\"price\":12.5,\"currency\":\"EUR\"}")) {
            TestRepo repo = TestRepo.create().api("Quote", """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="Quote" context="/quote">
                      <resource methods="GET" uri-template="/{symbol}">
                        <inSequence>
                          <property name="symbol" expression="get-property('uri.var.symbol')"/>
                          <call><endpoint><http method="get" uri-template="%s/prices/{uri.var.symbol}"/></endpoint></call>
                          <payloadFactory media-type="json">
                            <format>{"symbol":"$1","price":$2}</format>
                            <args>
                              <arg expression="get-property('symbol')"/>
                              <arg expression="json-eval($.price)"/>
                            </args>
                          </payloadFactory>
                          <respond/>
                        </inSequence>
                      </resource>
                    </api>""".formatted(backend.url("")));
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> r = Http.get(gw.url("/quote/IBM"));
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("/prices/IBM", backend.last().uri());
                assertTrue(r.body().replace(" ", "").contains("\"symbol\":\"IBM\""), r.body());
                assertTrue(r.body().replace(" ", "").contains("\"price\":12.5"), r.body());
            }
        }
    }

    @Test
    void faultSequenceAnswersWithACustomErrorWhenTheBackendPortIsClosed() {
        int closedPort = Ports.closed();
        TestRepo repo = TestRepo.create().api("Down", """
                <api xmlns="http://ws.apache.org/ns/synapse" name="Down" context="/down">
                  <resource methods="GET">
                    <inSequence>
                      <send><endpoint><address uri="http://127.0.0.1:%d/nothing"/></endpoint></send>
                    </inSequence>
                    <faultSequence>
                      <payloadFactory media-type="json">
                        <format>{"failed":true,"code":"$1","message":"$2"}</format>
                        <args>
                          <arg expression="get-property('ERROR_CODE')"/>
                          <arg expression="get-property('ERROR_MESSAGE')"/>
                        </args>
                      </payloadFactory>
                      <property name="HTTP_SC" value="503" scope="axis2"/>
                      <respond/>
                    </faultSequence>
                  </resource>
                </api>""".formatted(closedPort));
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> r = Http.get(gw.url("/down"));
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"code\":\"101503\""), r.body());
            assertTrue(r.body().contains("\"failed\":true"), r.body());
        }
    }

    @Test
    void unhandledConnectionFailureGives502WithAnErrorBody() {
        int closedPort = Ports.closed();
        TestRepo repo = TestRepo.create().api("Down", """
                <api xmlns="http://ws.apache.org/ns/synapse" name="Down" context="/down">
                  <resource methods="GET">
                    <inSequence><send><endpoint><address uri="http://127.0.0.1:%d/x"/></endpoint></send></inSequence>
                  </resource>
                </api>""".formatted(closedPort));
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> r = Http.get(gw.url("/down"), "Accept", "application/json");
            assertEquals(502, r.statusCode(), r.body());
            assertTrue(r.body().contains("101503"), r.body());
        }
    }

    @Test
    void unknownPathGets404AndWrongMethod405AndOptionsIsAnswered() {
        TestRepo repo = TestRepo.create().api("Only", """
                <api xmlns="http://ws.apache.org/ns/synapse" name="Only" context="/only">
                  <resource methods="GET" uri-template="/thing">
                    <inSequence><respond/></inSequence>
                  </resource>
                </api>""");
        try (Gateway gw = Gateway.start(repo)) {
            assertEquals(404, Http.get(gw.url("/nowhere")).statusCode());
            assertEquals(404, Http.get(gw.url("/only/other")).statusCode());
            HttpResponse<String> wrong = Http.post(gw.url("/only/thing"), "text/plain", "x");
            assertEquals(405, wrong.statusCode());
            assertTrue(wrong.headers().firstValue("Allow").orElse("").contains("GET"));
            HttpResponse<String> options = Http.method("OPTIONS", gw.url("/only/thing"));
            assertTrue(options.statusCode() == 200 || options.statusCode() == 204, "" + options.statusCode());
            assertTrue(options.headers().firstValue("Allow").orElse("").contains("GET"));
        }
    }
}
