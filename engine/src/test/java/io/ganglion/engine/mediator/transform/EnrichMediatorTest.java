package io.ganglion.engine.mediator.transform;

import static io.ganglion.engine.mediator.transform.TransformTesting.NS;
import static io.ganglion.engine.mediator.transform.TransformTesting.assertSimilar;
import static io.ganglion.engine.mediator.transform.TransformTesting.body;
import static io.ganglion.engine.mediator.transform.TransformTesting.read;
import static io.ganglion.engine.mediator.transform.TransformTesting.readError;
import static io.ganglion.engine.mediator.transform.TransformTesting.xmlEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.testing.MediationHarness;
import java.util.List;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPEnvelope;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EnrichMediatorTest {

    private final MediationHarness harness = new MediationHarness();

    private MessageContext order() {
        return harness.request("application/xml", "<order id=\"7\"><price>10</price><sym>IBM</sym></order>");
    }

    private static EnrichMediator enrich(String source, String target) {
        return read("<enrich %s>%s%s</enrich>".formatted(NS, source, target));
    }

    @Nested
    class Sources {

        @Test
        void customToCustomReplacesTheTargetElement() {
            MessageContext ctx = order();
            enrich("<source xpath='//sym'/>", "<target xpath='//price'/>").mediate(ctx);
            assertSimilar("<order id='7'><sym>IBM</sym><sym>IBM</sym></order>", body(ctx));
        }

        @Test
        void withoutCloneTheSourceNodeMoves() {
            MessageContext ctx = order();
            enrich("<source clone='false' xpath='//sym'/>", "<target action='child' xpath='//price'/>").mediate(ctx);
            assertSimilar("<order id='7'><price>10<sym>IBM</sym></price></order>", body(ctx));
        }

        @Test
        void bodyToPropertyStoresACopyOfTheFirstChild() {
            MessageContext ctx = order();
            EnrichMediator m = enrich("<source type='body'/>", "<target type='property' property='req'/>");
            assertTrue(m.readsBody());
            m.mediate(ctx);
            OMElement stored = assertInstanceOf(OMElement.class, ctx.getProperty("req"));
            assertEquals("order", stored.getLocalName());
            assertTrue(stored != ctx.payload().firstElement());
        }

        @Test
        void propertyElementReplacesTheBody() {
            MessageContext ctx = order();
            ctx.setProperty("saved", XmlSupport.parse("<saved>s</saved>"));
            enrich("<source type='property' property='saved'/>", "<target type='body'/>").mediate(ctx);
            assertEquals("<saved>s</saved>", body(ctx));
        }

        @Test
        void propertyTextSetsTheTargetText() {
            MessageContext ctx = order();
            ctx.setProperty("newPrice", "99");
            enrich("<source type='property' property='newPrice'/>", "<target xpath='//price'/>").mediate(ctx);
            assertSimilar("<order id='7'><price>99</price><sym>IBM</sym></order>", body(ctx));
        }

        @Test
        void propertyTextSetsAnAttribute() {
            MessageContext ctx = order();
            ctx.setProperty("id", "8");
            enrich("<source type='property' property='id'/>", "<target xpath='//order/@id'/>").mediate(ctx);
            assertSimilar("<order id='8'><price>10</price><sym>IBM</sym></order>", body(ctx));
        }

        @Test
        void inlineXmlBecomesAChild() {
            MessageContext ctx = order();
            EnrichMediator m = enrich("<source type='inline'><qty xmlns=''>3</qty></source>",
                    "<target action='child' xpath='//order'/>");
            m.mediate(ctx);
            m.mediate(ctx);
            assertSimilar("<order id='7'><price>10</price><sym>IBM</sym><qty>3</qty><qty>3</qty></order>", body(ctx));
        }

        @Test
        void inlineXmlAsSibling() {
            MessageContext ctx = order();
            enrich("<source type='inline'><qty xmlns=''>3</qty></source>", "<target action='sibling' xpath='//price'/>")
                    .mediate(ctx);
            assertSimilar("<order id='7'><price>10</price><qty>3</qty><sym>IBM</sym></order>", body(ctx));
        }

        @Test
        void inlineKeyReadsALocalEntry() {
            MediationHarness h = new MediationHarness(
                    Configuration.builder().localEntry(xmlEntry("tpl", "<fresh xmlns='urn:f'/>")).build());
            MessageContext ctx = h.request("application/xml", "<a/>");
            enrich("<source type='inline' key='tpl'/>", "<target type='body'/>").mediate(ctx);
            assertSimilar("<fresh xmlns='urn:f'/>", body(ctx));
        }

        @Test
        void envelopeToPropertyAndBackReplacesTheEnvelope() {
            MessageContext ctx = order();
            enrich("<source type='envelope'/>", "<target type='property' property='env'/>").mediate(ctx);
            ctx.payload().setFirstElement(XmlSupport.parse("<changed/>"));
            enrich("<source type='property' property='env'/>", "<target type='envelope'/>").mediate(ctx);
            assertEquals("order", ctx.payload().firstElement().getLocalName());
            assertInstanceOf(SOAPEnvelope.class, ctx.payload().envelope());
        }

        @Test
        void aMissingSourcePropertyFailsTheMessage() {
            EnrichMediator m = enrich("<source type='property' property='none'/>", "<target type='body'/>");
            assertThrows(MediationException.class, () -> m.mediate(order()));
        }
    }

    @Nested
    class PropertyTargets {

        @Test
        void propertyToPropertyDoesNotReadTheBody() {
            EnrichMediator m = enrich("<source type='property' property='a'/>", "<target type='property' property='b'/>");
            assertFalse(m.readsBody());
            MessageContext ctx = harness.request("application/xml", "not xml at all");
            ctx.setProperty("a", "text");
            m.mediate(ctx);
            assertEquals("text", ctx.getProperty("b"));
            assertFalse(ctx.payload().isBuilt());
        }

        @Test
        void childAddsToACopyOfTheStoredElement() {
            MessageContext ctx = order();
            OMElement list = XmlSupport.parse("<list/>");
            ctx.setProperty("list", list);
            enrich("<source xpath='//sym'/>", "<target action='child' type='property' property='list'/>").mediate(ctx);
            assertSimilar("<list><sym>IBM</sym></list>", ctx.getProperty("list").toString());
            assertEquals("<list/>", list.toString());
        }

        @Test
        void siblingCollectsNodes() {
            MessageContext ctx = order();
            ctx.setProperty("nodes", XmlSupport.parse("<first/>"));
            enrich("<source xpath='//sym'/>", "<target action='sibling' type='property' property='nodes'/>").mediate(ctx);
            List<?> nodes = assertInstanceOf(List.class, ctx.getProperty("nodes"));
            assertEquals(2, nodes.size());
        }
    }

    @Nested
    class Errors {

        @Test
        void customSourceNeedsAnXPath() {
            ConfigException e = readError("""
                    <enrich %s>
                      <source type="custom"/>
                      <target type="body"/>
                    </enrich>""".formatted(NS));
            assertTrue(e.getMessage().contains("'xpath'"), e.getMessage());
            assertEquals(2, e.location().line());
        }

        @Test
        void unknownTypeIsRejected() {
            ConfigException e = readError("<enrich %s><source type='header'/><target type='body'/></enrich>".formatted(NS));
            assertTrue(e.getMessage().contains("custom, envelope, body, property, inline"), e.getMessage());
        }

        @Test
        void envelopeTargetOnlyReplaces() {
            ConfigException e = readError(
                    "<enrich %s><source type='body'/><target action='child' type='envelope'/></enrich>".formatted(NS));
            assertTrue(e.getMessage().contains("replace"), e.getMessage());
        }

        @Test
        void propertyTargetNeedsAName() {
            readError("<enrich %s><source type='body'/><target type='property'/></enrich>".formatted(NS));
        }

        @Test
        void targetIsRequired() {
            readError("<enrich %s><source type='body'/></enrich>".formatted(NS));
        }
    }
}
