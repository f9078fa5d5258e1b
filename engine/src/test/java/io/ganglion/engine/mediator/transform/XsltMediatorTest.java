package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.assertSimilar;
import static io.ganglion.engine.mediator.transform.TransformTesting.body;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.readContext;
import static io.ganglion.engine.mediator.transform.TransformTesting.readError;
import static io.ganglion.engine.mediator.transform.TransformTesting.xmlEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import org.apache.axiom.om.OMElement;
import org.junit.jupiter.api.Test;

class XsltMediatorTest {

    private static final String GREET = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:param name="greeting"/>
              <xsl:template match="/person">
                <hello to="{name}"><xsl:value-of select="$greeting"/></hello>
              </xsl:template>
            </xsl:stylesheet>""";

    private static MediationHarness harnessWith(String key, String stylesheet) {
        return new MediationHarness(Configuration.builder().localEntry(xmlEntry(key, stylesheet)).build());
    }

    @Test
    void transformsTheFirstBodyChildWithAParameter() {
        XsltMediator m = read("""
                <xslt %s key="greet"><property name="greeting" value="Hi"/></xslt>""".formatted(NS));
        MediationHarness h = harnessWith("greet", GREET);
        MessageContext ctx = h.request("application/xml", "<person><name>Ann</name></person>");
        assertTrue(m.mediate(ctx));
        assertSimilar("<hello to='Ann'>Hi</hello>", body(ctx));
        MessageContext again = h.request("application/xml", "<person><name>Bob</name></person>");
        m.mediate(again);
        assertSimilar("<hello to='Bob'>Hi</hello>", body(again));
    }

    @Test
    void parametersMayBeExpressionsAndResultsMayGoToAProperty() {
        XsltMediator m = read("""
                <xslt %s key="greet" source="//person" target="out">
                  <property name="greeting" expression="//name"/>
                </xslt>""".formatted(NS));
        MessageContext ctx = harnessWith("greet", GREET)
                .request("application/xml", "<wrap><person><name>Ann</name></person></wrap>");
        m.mediate(ctx);
        OMElement out = assertInstanceOf(OMElement.class, ctx.getProperty("out"));
        assertSimilar("<hello to='Ann'>Ann</hello>", out.toString());
        assertSimilar("<wrap><person><name>Ann</name></person></wrap>", body(ctx));
    }

    @Test
    void aRedeployedStylesheetIsRecompiled() {
        XsltMediator m = read("<xslt %s key=\"greet\"><property name=\"greeting\" value=\"Hi\"/></xslt>".formatted(NS));
        m.mediate(harnessWith("greet", GREET).request("application/xml", "<person><name>A</name></person>"));
        MessageContext ctx = harnessWith("greet", GREET.replace("<hello", "<bye").replace("</hello>", "</bye>"))
                .request("application/xml", "<person><name>A</name></person>");
        m.mediate(ctx);
        assertEquals("bye", ctx.payload().firstElement().getLocalName());
    }

    @Test
    void textOutputIsWrapped() {
        XsltMediator m = read("<xslt %s key=\"t\"/>".formatted(NS));
        MessageContext ctx = harnessWith("t", """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:output method="text"/>
                  <xsl:template match="/">name=<xsl:value-of select="//name"/></xsl:template>
                </xsl:stylesheet>""").request("application/xml", "<person><name>Ann</name></person>");
        m.mediate(ctx);
        OMElement text = ctx.payload().firstElement();
        assertEquals("text", text.getLocalName());
        assertEquals("name=Ann", text.getText());
    }

    @Test
    void importsResolveThroughResources() {
        XsltMediator m = read("""
                <xslt %s key="main"><resource location="common.xsl" key="common"/></xslt>""".formatted(NS));
        MessageContext ctx = new MediationHarness(Configuration.builder()
                .localEntry(xmlEntry("main", """
                        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                          <xsl:import href="common.xsl"/>
                        </xsl:stylesheet>"""))
                .localEntry(xmlEntry("common", """
                        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                          <xsl:template match="/"><imported/></xsl:template>
                        </xsl:stylesheet>"""))
                .build()).request("application/xml", "<x/>");
        m.mediate(ctx);
        assertEquals("<imported/>", body(ctx));
    }

    @Test
    void externalStylesheetsAreRefused() {
        XsltMediator m = read("<xslt %s key=\"main\"/>".formatted(NS));
        MessageContext ctx = harnessWith("main", """
                <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
                  <xsl:import href="http://localhost:1/evil.xsl"/>
                </xsl:stylesheet>""").request("application/xml", "<x/>");
        MediationException e = assertThrows(MediationException.class, () -> m.mediate(ctx));
        assertTrue(e.getMessage().contains("accessExternalStylesheet"), e.getMessage());
    }

    @Test
    void aMissingStylesheetFailsTheMessage() {
        XsltMediator m = read("<xslt %s key=\"none\"/>".formatted(NS));
        assertThrows(MediationException.class,
                () -> m.mediate(new MediationHarness().request("application/xml", "<x/>")));
    }

    @Test
    void staticKeysAreRecordedAsReferences() {
        ReadContext rc = readContext("<xslt %s key=\"greet\"/>".formatted(NS));
        assertEquals(ReadContext.ReferenceKind.ENTRY, rc.references().get(0).kind());
        assertEquals("greet", rc.references().get(0).key());
    }

    @Test
    void dynamicKeysAreEvaluated() {
        XsltMediator m = read("<xslt %s key=\"{//which}\"><property name=\"greeting\" value=\"Yo\"/></xslt>"
                .formatted(NS));
        MessageContext ctx = harnessWith("greet", GREET)
                .request("application/xml", "<person><which>greet</which><name>Z</name></person>");
        m.mediate(ctx);
        assertSimilar("<hello to='Z'>Yo</hello>", body(ctx));
    }

    @Test
    void keyIsRequired() {
        ConfigException e = readError("<xslt %s/>".formatted(NS));
        assertTrue(e.getMessage().contains("'key'"), e.getMessage());
    }

    @Test
    void anUnsupportedFeatureIsALocatedError() {
        ConfigException e = readError("""
                <xslt %s key="k">
                  <feature name="urn:no-such-feature" value="true"/>
                </xslt>""".formatted(NS));
        assertEquals(2, e.location().line());
    }
}
