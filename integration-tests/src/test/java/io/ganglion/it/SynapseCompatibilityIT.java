package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.RepositoryLoader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A synapse.xml written for Apache Synapse (its samples' style) loads unchanged and mediates. */
class SynapseCompatibilityIT {

    private static final String SOAP_RESPONSE = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soapenv:Body><ns:getQuoteResponse xmlns:ns=\"http://services.samples\"><ns:return><ns:last>99.5</ns:last>"
            + "</ns:return></ns:getQuoteResponse></soapenv:Body></soapenv:Envelope>";

    private static String definitions(String serviceUrl) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://ws.apache.org/ns/synapse">
                    <localEntry key="greeting">hello from a local entry</localEntry>
                    <sequence name="fault">
                        <log level="full">
                            <property name="MESSAGE" value="Executing default 'fault' sequence"/>
                            <property name="ERROR_CODE" expression="get-property('ERROR_CODE')"/>
                            <property name="ERROR_MESSAGE" expression="get-property('ERROR_MESSAGE')"/>
                        </log>
                        <drop/>
                    </sequence>
                    <sequence name="main">
                        <in>
                            <filter source="get-property('To')" regex="http://localhost:9000.*">
                                <send/>
                            </filter>
                        </in>
                        <out>
                            <send/>
                        </out>
                        <description>The main sequence for the message mediation</description>
                    </sequence>
                    <endpoint name="SimpleStockQuoteService">
                        <address uri="%1$s"/>
                    </endpoint>
                    <proxy name="StockQuoteProxy" transports="https http" startOnLoad="true" trace="disable">
                        <target endpoint="SimpleStockQuoteService">
                            <inSequence>
                                <log level="custom"><property name="greeting" expression="get-property('registry','greeting')"/></log>
                                <property name="client" expression="$trp:User-Agent"/>
                            </inSequence>
                            <outSequence>
                                <send/>
                            </outSequence>
                        </target>
                    </proxy>
                    <api name="StockQuoteAPI" context="/stockquote">
                        <resource uri-template="/view/{symbol}" methods="GET">
                            <inSequence>
                                <payloadFactory>
                                    <format>
                                        <m0:getQuote xmlns:m0="http://services.samples">
                                            <m0:request>
                                                <m0:symbol>$1</m0:symbol>
                                            </m0:request>
                                        </m0:getQuote>
                                    </format>
                                    <args>
                                        <arg expression="get-property('uri.var.symbol')"/>
                                    </args>
                                </payloadFactory>
                                <header name="Action" value="urn:getQuote"/>
                                <send>
                                    <endpoint>
                                        <address uri="%1$s" format="soap11"/>
                                    </endpoint>
                                </send>
                            </inSequence>
                            <outSequence>
                                <send/>
                            </outSequence>
                        </resource>
                    </api>
                </definitions>
                """.formatted(serviceUrl);
    }

    @Test
    void apacheSynapseStyleDefinitionsLoadWithoutProblemsAndServe() {
        try (Backend backend = Backend.start(r -> new Backend.Reply(200, "text/xml", SOAP_RESPONSE))) {
            TestRepo repo = TestRepo.create().synapseXml(definitions(backend.url("/services/SimpleStockQuoteService")));
            RepositoryLoader.Result loaded = RepositoryLoader.load(repo.path());
            assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());

            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> api = Http.get(gw.url("/stockquote/view/IBM"));
                assertEquals(200, api.statusCode(), api.body());
                assertTrue(backend.last().body().contains("<m0:symbol>IBM</m0:symbol>"), backend.last().body());
                assertTrue(backend.last().header("SOAPAction").contains("urn:getQuote"), "" + backend.last().headers());
                assertTrue(api.body().contains("99.5"), api.body());

                String soap = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                        + "<m0:getQuote xmlns:m0=\"http://services.samples\"><m0:request><m0:symbol>MSFT</m0:symbol>"
                        + "</m0:request></m0:getQuote></soapenv:Body></soapenv:Envelope>";
                HttpResponse<String> proxy = Http.post(gw.url("/services/StockQuoteProxy"), "text/xml; charset=UTF-8", soap,
                        "SOAPAction", "\"urn:getQuote\"");
                assertEquals(200, proxy.statusCode(), proxy.body());
                assertEquals(soap, backend.last().body(), "an untouched SOAP request is relayed byte for byte");
                assertTrue(proxy.body().contains("99.5"), proxy.body());

                HttpResponse<String> unmatched = Http.get(gw.url("/somewhere/else"));
                assertEquals(202, unmatched.statusCode(), "Synapse's main only forwards to localhost:9000");
            }
        }
    }
}
