package io.ganglion.engine.rest;

import static io.ganglion.engine.testing.XmlAsserts.assertSimilar;
import static io.ganglion.engine.testing.XmlAsserts.writeContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigException;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.XmlAsserts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle attribute, prototype implementations and how dispatch treats each state. */
class LifecycleTest {

    private static final String NS = "xmlns='http://ws.apache.org/ns/synapse'";

    private final MediationHarness harness = new MediationHarness();

    private static Api read(String xml) {
        ReadContext ctx = XmlAsserts.readContext("api.xml", xml);
        return ApiXml.read(ctx.root(), ctx);
    }

    private static String api(String lifecycle, String resources) {
        return "<api " + NS + " name='Pets' context='/pets'" + (lifecycle == null ? "" : " lifecycle='" + lifecycle + "'")
                + ">" + resources + "</api>";
    }

    @Test
    void absentMeansPublished() {
        Api a = read(api(null, "<resource><inSequence><log/></inSequence></resource>"));
        assertEquals(Lifecycle.PUBLISHED, a.lifecycle());
        assertFalse(ApiXml.write(a, writeContext()).toString().contains("lifecycle"));
    }

    @ParameterizedTest
    @EnumSource(value = Lifecycle.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
    void everyStateRoundTrips(Lifecycle state) {
        String xml = api(state.name(), "<resource methods='GET'><inSequence><log/></inSequence></resource>");
        Api a = read(xml);
        assertEquals(state, a.lifecycle());
        assertSimilar(xml, ApiXml.write(a, writeContext()));
    }

    @Test
    void stateNamesAreCaseInsensitiveAndCheckedAtLoad() {
        assertEquals(Lifecycle.PROTOTYPED, read(api("prototyped", "<resource/>")).lifecycle());
        ConfigException e = assertThrows(ConfigException.class, () -> read(api("LIVE", "<resource/>")));
        assertTrue(e.getMessage().contains("must be CREATED, PROTOTYPED, PUBLISHED, BLOCKED, DEPRECATED or RETIRED"),
                e.getMessage());
        assertEquals("api.xml:1:1", e.location().toString());
    }

    @Test
    void prototypeImplementationRoundTrips() {
        String xml = api("PROTOTYPED", "<resource methods='GET' uri-template='/{id}'>"
                + "<prototype language='js'><![CDATA[mc.setPayloadJSON({id: mc.getProperty('uri.var.id')});]]></prototype>"
                + "</resource>"
                + "<resource methods='POST'><prototype language='js' key='mockPost' function='post'/>"
                + "<faultSequence><log/></faultSequence></resource>");
        Api a = read(xml);
        Resource get = a.resources().get(0);
        assertNotNull(get.prototype());
        assertSame(get.prototype(), get.inSequence(), "the prototype answers the request");
        assertEquals("api.xml:1:142", get.prototype().location().toString());
        assertEquals("mockPost", a.resources().get(1).prototype().script().key().staticText());
        assertSimilar(xml, ApiXml.write(a, writeContext()));
    }

    @Test
    void prototypeAndSequencesDoNotMix() {
        ConfigException e = assertThrows(ConfigException.class, () -> read(api("PROTOTYPED",
                "<resource><prototype language='js'>1</prototype><inSequence><log/></inSequence></resource>")));
        assertTrue(e.getMessage().contains("remove its in sequence"), e.getMessage());
        ConfigException syntax = assertThrows(ConfigException.class, () -> read(api("PROTOTYPED",
                "<resource><prototype language='js'>mc.setPayloadJSON({);</prototype></resource>")));
        assertTrue(syntax.getMessage().startsWith("script syntax error"), syntax.getMessage());
    }

    @Test
    void aPrototypedResourceWithoutImplementationAnswers501() {
        Api a = read(api("PROTOTYPED", "<resource methods='GET'/><resource methods='POST'><inSequence><log/>"
                + "</inSequence></resource>"));
        Resource bare = a.resources().get(0);
        assertTrue(bare.prototype().isNotImplemented());
        assertNull(a.resources().get(1).prototype());
        // The stand-in is not configuration: it is not written back.
        assertFalse(ApiXml.write(a, writeContext()).toString().contains("prototype"));

        MessageContext ctx = harness.request();
        assertFalse(bare.inSequence().mediate(ctx));
        assertEquals(1, harness.responded.size());
        assertEquals("501", ctx.getAxis2Property(StandardProperties.HTTP_SC));
        assertEquals("{\"code\":501,\"description\":\"Not Implemented\"}",
                new String(io.ganglion.engine.message.format.MessageFormatter.format(ctx).bytes()));
        // A published API's empty resource keeps Synapse's behaviour.
        assertNull(read(api(null, "<resource/>")).resources().get(0).inSequence());
    }

    @Test
    void dispatchByState() {
        ApiDispatcher d = new ApiDispatcher(List.of(
                read("<api " + NS + " name='Blocked' context='/b' lifecycle='BLOCKED'><resource/></api>"),
                read("<api " + NS + " name='Retired' context='/r' lifecycle='RETIRED'><resource/></api>"),
                read("<api " + NS + " name='Created' context='/c' lifecycle='CREATED'><resource/></api>"),
                read("<api " + NS + " name='Root' context='/' lifecycle='RETIRED'><resource/></api>"),
                read("<api " + NS + " name='Old' context='/old' lifecycle='DEPRECATED'><resource/></api>"),
                read("<api " + NS + " name='Proto' context='/p' lifecycle='PROTOTYPED'><resource/></api>")));
        assertEquals("Blocked", assertInstanceOf(Dispatch.Blocked.class, dispatch(d, "/b/x")).api().name());
        assertEquals("Retired", assertInstanceOf(Dispatch.NotServed.class, dispatch(d, "/r")).api().name());
        assertEquals("Created", assertInstanceOf(Dispatch.NotServed.class, dispatch(d, "/c/1")).api().name());
        assertInstanceOf(Dispatch.Matched.class, dispatch(d, "/old/1"));
        assertInstanceOf(Dispatch.Matched.class, dispatch(d, "/p"));
        // A retired root API does not swallow every unmatched request.
        assertSame(Dispatch.NO_API, dispatch(d, "/elsewhere"));
    }

    private Dispatch dispatch(ApiDispatcher d, String path) {
        return d.dispatch(harness.request(), "GET", path, null, "localhost", 8280);
    }
}
