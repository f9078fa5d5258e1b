package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.it.ScriptedBackend.Answer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A WSDL endpoint sends to the address its WSDL gives. */
class EndpointWsdlIT {

    private static final String SOAP_REPLY = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soapenv:Body><m:r xmlns:m=\"urn:q\">42</m:r></soapenv:Body></soapenv:Envelope>";

    @Test
    void theAddressComesFromTheWsdlInTheRepository() {
        try (ScriptedBackend backend = ScriptedBackend.start("soap",
                r -> new Answer(200, "text/xml", SOAP_REPLY, java.util.Map.of(), 0))) {
            String wsdl = "<wsdl:definitions xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\""
                    + " xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\" targetNamespace=\"urn:q\">"
                    + "<wsdl:service name=\"QuoteService\"><wsdl:port name=\"QuotePort\" binding=\"b\">"
                    + "<soap:address location=\"" + backend.url("/services/Quote") + "\"/></wsdl:port></wsdl:service>"
                    + "</wsdl:definitions>";
            TestRepo repo = TestRepo.create().repositoryFile("resources/quote.wsdl", wsdl).proxy("Quote", """
                    <proxy xmlns="http://ws.apache.org/ns/synapse" name="Quote">
                      <target>
                        <endpoint><wsdl uri="resources/quote.wsdl" service="QuoteService" port="QuotePort"/></endpoint>
                        <outSequence><send/></outSequence>
                      </target>
                    </proxy>""");
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> r = Http.post(gw.url("/services/Quote"), "application/xml",
                        "<m:q xmlns:m=\"urn:q\">IBM</m:q>");
                assertEquals(200, r.statusCode(), r.body());
                ScriptedBackend.Request got = backend.requests.get(0);
                assertEquals("/services/Quote", got.uri());
                assertTrue(got.header("Content-Type").startsWith("text/xml"), "the binding is SOAP 1.1");
                assertTrue(got.text().contains("IBM"), got.text());
            }
        }
    }

    @Test
    void anUnreadableWsdlIsADeployError() {
        TestRepo repo = TestRepo.create().endpoint("W", "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"W\">"
                + "<wsdl uri=\"resources/missing.wsdl\" service=\"S\" port=\"P\"/></endpoint>");
        var result = io.ganglion.engine.config.RepositoryLoader.load(repo.path());
        assertEquals(1, result.problems().size(), result.problems().toString());
        String p = result.problems().get(0).toString();
        assertTrue(p.contains("W.xml:1:") && p.contains("cannot read the WSDL 'resources/missing.wsdl'"), p);
    }
}
