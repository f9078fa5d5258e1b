package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Bad payloads get a 4xx with a short explanation, never a stack trace or a hang; the WSDL is published. */
class BadInputIT {

    private static final String READS_BODY_API = """
            <api xmlns="http://ws.apache.org/ns/synapse" name="Reads" context="/reads">
              <resource methods="POST">
                <inSequence>
                  <filter xpath="count(//item) &gt; 0">
                    <then><property name="HTTP_SC" value="200" scope="axis2"/></then>
                  </filter>
                  <respond/>
                </inSequence>
              </resource>
            </api>""";

    @Test
    void malformedXmlGets400() {
        try (Gateway gw = Gateway.start(TestRepo.create().api("Reads", READS_BODY_API))) {
            HttpResponse<String> r = Http.post(gw.url("/reads"), "application/xml", "<order><item>1</order>");
            assertEquals(400, r.statusCode(), r.body());
            assertFalse(r.body().contains("at io.ganglion"), "no stack trace to the client: " + r.body());
            HttpResponse<String> json = Http.post(gw.url("/reads"), "application/json", "{\"item\": [1, 2");
            assertEquals(400, json.statusCode(), json.body());
        }
    }

    @Test
    void externalEntitiesAndDoctypesGet400() {
        try (Gateway gw = Gateway.start(TestRepo.create().api("Reads", READS_BODY_API))) {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE o [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><o><item>&e;</item></o>";
            HttpResponse<String> r = Http.post(gw.url("/reads"), "application/xml", xxe);
            assertEquals(400, r.statusCode(), r.body());
            assertFalse(r.body().contains("root:"), r.body());
        }
    }

    @Test
    void tooDeepXmlGets400() {
        String deep = "<a>".repeat(500) + "</a>".repeat(500);
        try (Gateway gw = Gateway.start(TestRepo.create().api("Reads", READS_BODY_API))) {
            HttpResponse<String> r = Http.post(gw.url("/reads"), "application/xml", deep);
            assertEquals(400, r.statusCode(), r.body());
        }
    }

    @Test
    void proxyPublishesItsWsdl() {
        String wsdl = "<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\" name=\"Echo\" "
                + "targetNamespace=\"urn:echo\"/>";
        TestRepo repo = TestRepo.create().localEntry("echoWsdl",
                "<localEntry xmlns=\"http://ws.apache.org/ns/synapse\" key=\"echoWsdl\">" + wsdl + "</localEntry>")
                .proxy("Echo", """
                        <proxy xmlns="http://ws.apache.org/ns/synapse" name="Echo">
                          <target><inSequence><respond/></inSequence></target>
                          <publishWSDL key="echoWsdl"/>
                        </proxy>""");
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> r = Http.get(gw.url("/services/Echo?wsdl"));
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("targetNamespace=\"urn:echo\""), r.body());
            HttpResponse<String> echo = Http.post(gw.url("/services/Echo"), "text/plain", "ping");
            assertEquals("ping", echo.body());
        }
    }
}
