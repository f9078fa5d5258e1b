package io.ganglion.engine.mediator.core;

import static io.ganglion.engine.mediator.core.CoreTesting.assertErrorAtLine;
import static io.ganglion.engine.mediator.core.CoreTesting.assertRoundTrip;
import static io.ganglion.engine.mediator.core.CoreTesting.read;
import static io.ganglion.engine.mediator.core.CoreTesting.readContext;
import static io.ganglion.engine.mediator.core.CoreTesting.resume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.SequenceTemplate;
import io.ganglion.engine.config.SequenceTemplate.Parameter;
import io.ganglion.engine.mediator.ListMediator;
import io.ganglion.engine.mediator.MediationException;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.Sequence;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.Scope;
import io.ganglion.engine.testing.MediationHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallTemplateMediatorTest {

    private final List<String> seen = new ArrayList<>();

    /** Records the parameters the template body sees, as $func:p would read them. */
    private Mediator see(String label, String... params) {
        return ctx -> {
            StringBuilder sb = new StringBuilder(label);
            for (String p : params) {
                sb.append(' ').append(p).append('=').append(ctx.getProperty(Scope.FUNC, p));
            }
            seen.add(sb.toString());
            return true;
        };
    }

    private static SequenceTemplate template(String name, List<Parameter> params, Mediator... body) {
        return new SequenceTemplate(name, params, new Sequence(null, null, List.of(body), null), null);
    }

    private MediationHarness harness(SequenceTemplate... templates) {
        Configuration.Builder b = Configuration.builder();
        for (SequenceTemplate t : templates) {
            b.template(t);
        }
        return new MediationHarness(b.build());
    }

    private final SequenceTemplate greet = template("greet",
            List.of(new Parameter("name", null, true), new Parameter("greeting", "hello", false),
                    new Parameter("extra", null, false)),
            see("greet", "name", "greeting", "extra", "undeclared"));

    private static MessageContext order(MediationHarness h) {
        return h.request("application/xml", "<order><id>42</id></order>");
    }

    @Test
    void parametersAreVisibleToTheBodyAndPoppedAfterwards() {
        MessageContext ctx = order(harness(greet));
        Mediator m = read("<call-template target=\"greet\"><with-param name=\"name\" value=\"{//order/id}\"/>"
                + "<with-param name=\"undeclared\" value=\"x\"/></call-template>");
        assertTrue(m.mediate(ctx));
        assertEquals(List.of("greet name=42 greeting=hello extra=null undeclared=null"), seen);
        assertNull(ctx.templateParam("name"));
    }

    @Test
    void givenValuesOverrideDefaults() {
        MessageContext ctx = order(harness(greet));
        read("<call-template target=\"greet\"><with-param name=\"name\" value=\"ann\"/>"
                + "<with-param name=\"greeting\" value=\"hi\"/></call-template>").mediate(ctx);
        assertEquals(List.of("greet name=ann greeting=hi extra=null undeclared=null"), seen);
    }

    @Test
    void nestedTemplatesShadowAndRestore() {
        SequenceTemplate inner = template("inner", List.of(new Parameter("name", null, false)), see("inner", "name"));
        SequenceTemplate outer = template("outer", List.of(new Parameter("name", null, false)),
                see("outer-before", "name"),
                read("<call-template target=\"inner\"><with-param name=\"name\" value=\"in\"/></call-template>"),
                see("outer-after", "name"));
        MessageContext ctx = order(harness(inner, outer));
        read("<call-template target=\"outer\"><with-param name=\"name\" value=\"out\"/></call-template>").mediate(ctx);
        assertEquals(List.of("outer-before name=out", "inner name=in", "outer-after name=out"), seen);
        assertNull(ctx.templateParam("name"));
    }

    @Test
    void aCallInsideTheBodyKeepsTheParametersUntilTheBodyEnds() {
        SequenceTemplate calling = template("calling", List.of(new Parameter("p", null, false)),
                see("before", "p"), new CallMediator(null, null), see("after", "p"));
        MediationHarness h = harness(calling);
        MessageContext ctx = order(h);
        ListMediator top = new ListMediator(List.of(
                read("<call-template target=\"calling\"><with-param name=\"p\" value=\"v\"/></call-template>"),
                see("caller", "p")));
        assertFalse(top.mediate(ctx));
        assertTrue(ctx.isSuspended());
        assertEquals(1, h.called.size());
        assertEquals("v", ctx.templateParam("p"));
        assertTrue(resume(ctx));
        assertEquals(List.of("before p=v", "after p=v", "caller p=null"), seen);
        assertNull(ctx.templateParam("p"));
    }

    @Test
    void aMissingMandatoryParameterOrTemplateIsAMediationError() {
        MessageContext ctx = order(harness(greet));
        MediationException e = assertThrows(MediationException.class,
                () -> read("<call-template target=\"greet\"/>").mediate(ctx));
        assertTrue(e.getMessage().contains("'name'"), e.getMessage());
        e = assertThrows(MediationException.class, () -> read("<call-template target=\"nope\"/>").mediate(ctx));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertNull(ctx.templateParam("name"));
    }

    @Test
    void theTargetIsRecordedAsATemplateReference() {
        ReadContext rc = readContext("<call-template target=\"greet\"/>");
        assertEquals(ReadContext.ReferenceKind.TEMPLATE, rc.references().get(0).kind());
        assertEquals("greet", rc.references().get(0).key());
    }

    @Test
    void roundTrips() {
        assertRoundTrip("<call-template target=\"greet\"/>");
        assertRoundTrip("<call-template target=\"greet\"><with-param name=\"name\" value=\"ann\"/>"
                + "<with-param xmlns:m=\"urn:m\" name=\"greeting\" value=\"{//m:greeting}\"/></call-template>");
    }

    @Test
    void badInputIsLocated() {
        assertErrorAtLine("<call-template/>", 1);
        assertErrorAtLine("<call-template target=\"t\">\n  <with-param value=\"v\"/>\n</call-template>", 2);
        assertErrorAtLine("<call-template target=\"t\">\n  <with-param name=\"p\"/>\n</call-template>", 2);
        assertErrorAtLine("<call-template target=\"t\">\n  <with-param name=\"p\" value=\"{{//a}}\"/>\n</call-template>", 2);
        assertErrorAtLine("<call-template target=\"t\">\n  <with-param name=\"p\" value=\"{//a[}\"/>\n</call-template>", 2);
        assertErrorAtLine("<call-template target=\"t\">\n  <with-param name=\"p\" value=\"1\"/>\n"
                + "  <with-param name=\"p\" value=\"2\"/>\n</call-template>", 3);
        assertErrorAtLine("<call-template target=\"t\">\n  <log/>\n</call-template>", 2);
    }
}
