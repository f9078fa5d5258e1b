package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.assertSimilar;
import static io.ganglion.engine.mediator.transform.TransformTesting.body;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.readError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.testing.MediationHarness;
import javax.xml.namespace.QName;
import org.apache.axiom.soap.SOAPEnvelope;
import org.apache.axiom.soap.SOAPFault;
import org.apache.axiom.soap.SOAPVersion;
import org.junit.jupiter.api.Test;

class MakeFaultMediatorTest {

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

    private final MediationHarness harness = new MediationHarness();

    private MessageContext request() {
        return harness.request("application/xml", "<req><msg>out of stock</msg></req>");
    }

    @Test
    void soap11FaultWithDeclaredPrefix() {
        MakeFaultMediator m = read("""
                <makefault %s xmlns:soap11Env="http://schemas.xmlsoap.org/soap/envelope/" version="soap11" response="true">
                  <code value="soap11Env:Client"/>
                  <reason value="bad request"/>
                  <role>urn:gateway</role>
                  <detail>see the manual</detail>
                </makefault>""".formatted(NS));
        assertFalse(m.readsBody());
        MessageContext ctx = request();
        ctx.setReplyTo("http://client/reply");
        assertTrue(m.mediate(ctx));
        SOAPEnvelope env = ctx.payload().envelope();
        assertEquals(SOAPVersion.SOAP11, env.getVersion());
        SOAPFault fault = env.getBody().getFault();
        assertEquals(new QName(SOAP11, "Client"), fault.getCode().getValueAsQName());
        assertEquals("bad request", fault.getReason().getText());
        assertEquals("urn:gateway", fault.getRole().getRoleValue());
        assertEquals("see the manual", fault.getDetail().getText());
        assertEquals("text/xml", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
        assertEquals(500, ctx.getAxis2Property(StandardProperties.HTTP_SC));
        assertTrue(ctx.isFaultResponse());
        assertTrue(ctx.isResponse());
        assertEquals("http://client/reply", ctx.getTo());
    }

    @Test
    void soap12FaultWithImplicitPrefixExpressionReasonAndXmlDetail() {
        MakeFaultMediator m = read("""
                <makefault %s version="soap12">
                  <code value="soap12Env:Receiver"/>
                  <reason expression="//msg"/>
                  <node>urn:node</node>
                  <role>urn:role</role>
                  <detail><e:info xmlns:e="urn:e">more</e:info></detail>
                </makefault>""".formatted(NS));
        assertTrue(m.readsBody());
        MessageContext ctx = request();
        m.mediate(ctx);
        SOAPEnvelope env = ctx.payload().envelope();
        assertEquals(SOAPVersion.SOAP12, env.getVersion());
        SOAPFault fault = env.getBody().getFault();
        assertEquals(new QName(SOAP12, "Receiver"), fault.getCode().getValueAsQName());
        assertEquals("out of stock", fault.getReason().getFirstSOAPText().getText());
        assertEquals("urn:node", fault.getNode().getFaultNodeValue());
        assertEquals("more", fault.getDetail().getFirstElement().getText());
        assertEquals("application/soap+xml", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
        assertFalse(ctx.isResponse());
    }

    @Test
    void poxFaultIsAnExceptionElementWithTheReason() {
        MakeFaultMediator m = read("""
                <makefault %s version="pox">
                  <code value="soap11Env:Server"/>
                  <reason value="backend down"/>
                </makefault>""".formatted(NS));
        MessageContext ctx = request();
        m.mediate(ctx);
        assertSimilar("<Exception>backend down</Exception>", body(ctx));
        assertEquals("application/xml", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
        assertNull(ctx.payload().envelope().getBody().getFault());
    }

    @Test
    void anErrorStatusAlreadySetIsKept() {
        MakeFaultMediator m = read("""
                <makefault %s><code value="soap11Env:Client"/><reason value="nope"/></makefault>""".formatted(NS));
        MessageContext ctx = request();
        ctx.setAxis2Property(StandardProperties.HTTP_SC, "404");
        m.mediate(ctx);
        assertEquals("404", ctx.getAxis2Property(StandardProperties.HTTP_SC));
    }

    @Test
    void withoutVersionTheFaultFollowsTheMessage() {
        MakeFaultMediator m = read("""
                <makefault %s><code value="soap12Env:Sender"/><reason value="r"/></makefault>""".formatted(NS));
        MessageContext ctx = harness.request("application/soap+xml", """
                <s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><a/></s:Body></s:Envelope>""");
        m.mediate(ctx);
        assertEquals(SOAPVersion.SOAP12, ctx.payload().envelope().getVersion());
        assertEquals("application/soap+xml", ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE));
    }

    @Test
    void anUndeclaredPrefixIsALocatedError() {
        ConfigException e = readError("""
                <makefault %s>
                  <code value="env:Client"/>
                  <reason value="r"/>
                </makefault>""".formatted(NS));
        assertTrue(e.getMessage().contains("'env'"), e.getMessage());
        assertEquals(2, e.location().line());
    }

    @Test
    void anUnknownSoapCodeIsRejected() {
        ConfigException e = readError("""
                <makefault %s><code value="soap11Env:Oops"/><reason value="r"/></makefault>""".formatted(NS));
        assertTrue(e.getMessage().contains("Client"), e.getMessage());
    }

    @Test
    void anUnknownVersionIsRejected() {
        ConfigException e = readError("""
                <makefault %s version="soap13"><code value="soap11Env:Client"/><reason value="r"/></makefault>"""
                .formatted(NS));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }

    @Test
    void reasonIsRequired() {
        readError("<makefault %s><code value=\"soap11Env:Client\"/></makefault>".formatted(NS));
    }
}
