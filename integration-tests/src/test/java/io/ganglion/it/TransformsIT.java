package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** filter, switch, payloadFactory, enrich and xslt transforming messages between client and backend. */
class TransformsIT {

    private static final String XSLT = """
            <localEntry xmlns="http://ws.apache.org/ns/synapse" key="toInvoice">
              <xsl:stylesheet version="1.0" xmlns="" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                <xsl:param name="currency"/>
                <xsl:template match="/order">
                  <invoice>
                    <number><xsl:value-of select="id"/></number>
                    <total currency="{$currency}"><xsl:value-of select="sum(item/price)"/></total>
                  </invoice>
                </xsl:template>
              </xsl:stylesheet>
            </localEntry>""";

    @Test
    void transformsRequestAndResponse() {
        try (Backend backend = Backend.start(r -> Backend.Reply.xml("<ack><ref>" + r.body().length() + "</ref></ack>"))) {
            TestRepo repo = TestRepo.create().localEntry("toInvoice", XSLT).api("Orders", """
                    <api xmlns="http://ws.apache.org/ns/synapse" name="Orders" context="/orders">
                      <resource methods="POST" uri-template="/invoice">
                        <inSequence>
                          <filter xpath="count(//item) &gt; 0">
                            <then>
                              <xslt key="toInvoice">
                                <property name="currency" value="EUR"/>
                              </xslt>
                            </then>
                            <else>
                              <makefault version="pox">
                                <code value="soap11Env:Client"/>
                                <reason value="an order needs items"/>
                              </makefault>
                              <property name="HTTP_SC" value="400" scope="axis2"/>
                              <respond/>
                            </else>
                          </filter>
                          <switch source="//total">
                            <case regex="[0-9]{4,}(\\.[0-9]+)?"><property name="tier" value="large"/></case>
                            <default><property name="tier" value="small"/></default>
                          </switch>
                          <property name="tierElement" type="OM"><tier xmlns="">computed</tier></property>
                          <enrich>
                            <source type="property" property="tierElement"/>
                            <target type="body" action="child"/>
                          </enrich>
                          <send><endpoint><address uri="%s"/></endpoint></send>
                        </inSequence>
                        <outSequence>
                          <payloadFactory media-type="json">
                            <format>{"ref":$1,"tier":"$2"}</format>
                            <args>
                              <arg expression="//ref"/>
                              <arg expression="get-property('tier')"/>
                            </args>
                          </payloadFactory>
                          <send/>
                        </outSequence>
                      </resource>
                    </api>""".formatted(backend.url("/invoices")));
            try (Gateway gw = Gateway.start(repo)) {
                String order = "<order><id>A7</id><item><price>600</price></item><item><price>500</price></item></order>";
                HttpResponse<String> r = Http.post(gw.url("/orders/invoice"), "application/xml", order);
                assertEquals(200, r.statusCode(), r.body());
                String sent = backend.last().body();
                assertTrue(sent.contains("<number>A7</number>"), sent);
                assertTrue(sent.contains("currency=\"EUR\""), sent);
                assertTrue(sent.contains(">1100<"), sent);
                assertTrue(sent.contains("<tier>computed</tier>"), sent);
                assertTrue(r.body().replace(" ", "").contains("\"tier\":\"large\""), r.body());
                assertTrue(r.body().replace(" ", "").contains("\"ref\":" + sent.length()), r.body());

                HttpResponse<String> bad = Http.post(gw.url("/orders/invoice"), "application/xml", "<order><id>1</id></order>");
                assertEquals(400, bad.statusCode(), bad.body());
                assertTrue(bad.body().contains("an order needs items"), bad.body());
                assertEquals(1, backend.received.size());
            }
        }
    }
}
