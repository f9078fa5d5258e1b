package io.ganglion.engine.endpoint.template;

import static io.ganglion.engine.testing.XmlAsserts.assertSimilar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.config.RepositoryLoader;
import io.ganglion.engine.config.TemplateXml;
import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.endpoint.address.AddressEndpoint;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.XmlAsserts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEndpointTest {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";
    private static final String TEMPLATE = "<template " + NS + " name=\"ep_template\">"
            + "<parameter name=\"codes\"/><parameter name=\"retries\" defaultValue=\"2\"/>"
            + "<endpoint name=\"$name\"><address uri=\"$uri\">"
            + "<markForSuspension><errorCodes>$codes</errorCodes><retriesBeforeSuspension>$retries"
            + "</retriesBeforeSuspension></markForSuspension></address></endpoint></template>";

    @TempDir
    Path repo;

    private RepositoryLoader.Result load(String... files) throws IOException {
        Path conf = repo.resolve("conf/synapse-config");
        for (int i = 0; i < files.length; i += 2) {
            Path f = conf.resolve(files[i]);
            Files.createDirectories(f.getParent());
            Files.writeString(f, files[i + 1]);
        }
        Files.createDirectories(conf);
        return RepositoryLoader.load(repo);
    }

    @Test
    void parametersFillTheTemplate() throws IOException {
        RepositoryLoader.Result r = load("templates/ep_template.xml", TEMPLATE,
                "endpoints/ep1.xml", "<endpoint " + NS + " name=\"ep1\" template=\"ep_template\" uri=\"http://a:1/svc\">"
                        + "<parameter name=\"codes\" value=\"101504,101505\"/></endpoint>");
        assertTrue(r.ok(), r.problems().toString());
        Configuration config = r.configuration();
        TemplateEndpoint ep = (TemplateEndpoint) config.endpoint("ep1");
        AddressEndpoint made = assertInstanceOf(AddressEndpoint.class, ep.children().get(0));
        assertEquals("http://a:1/svc", made.uri());
        assertEquals("ep1", made.name());
        assertEquals(2, made.definition().markForSuspension().retriesBeforeSuspension());

        ScriptedSender sender = new ScriptedSender().ok("a:1");
        MediationHarness harness = new MediationHarness(config).withSender(sender);
        Outcome o = new Outcome();
        ep.send(harness.request(), o);
        assertEquals(200, o.response().status());
        assertEquals("http://a:1/svc", sender.requests.get(0).uri().toString());
        assertEquals(made, ep.children().get(0), "instantiated once");
    }

    @Test
    void aBadInstanceIsReportedAtTheTemplateEndpoint() throws IOException {
        RepositoryLoader.Result r = load("templates/ep_template.xml", TEMPLATE,
                "endpoints/ep1.xml", "<endpoint " + NS + " name=\"ep1\" template=\"ep_template\" uri=\"http://a:1/\">\n"
                        + "<parameter name=\"codes\" value=\"1\"/><parameter name=\"retries\" value=\"many\"/></endpoint>");
        assertEquals(1, r.problems().size(), r.problems().toString());
        String p = r.problems().get(0).toString();
        assertTrue(p.contains("ep1.xml:1"), p);
        assertTrue(p.contains("<retriesBeforeSuspension> must be a whole number"), p);
    }

    @Test
    void aMissingParameterAndAMissingTemplateAreReported() throws IOException {
        RepositoryLoader.Result r = load("templates/ep_template.xml", TEMPLATE,
                "endpoints/a.xml", "<endpoint " + NS + " name=\"a\" template=\"ep_template\" uri=\"http://a:1/\"/>",
                "endpoints/b.xml", "<endpoint " + NS + " name=\"b\" template=\"nope\"/>");
        String all = r.problems().toString();
        assertTrue(all.contains("needs a value for parameter 'codes'"), all);
        assertTrue(all.contains("template 'nope' is not defined"), all);
        Outcome o = new Outcome();
        r.configuration().endpoint("b").send(new MediationHarness(r.configuration()).request(), o);
        assertEquals(305100, o.failure().errorCode());
    }

    @Test
    void templateEndpointRoundTrip() {
        String xml = "<endpoint " + NS + " name=\"e\" template=\"t\" uri=\"http://h/\"><parameter name=\"a\" value=\"1\"/>"
                + "<parameter name=\"b\" value=\"x,y\"/></endpoint>";
        ReadContext ctx = XmlAsserts.readContext("e.xml", xml);
        Endpoint e = ctx.endpoint(ctx.root());
        assertSimilar(xml, EndpointRegistry.defaults().write(e, XmlAsserts.writeContext()));
    }

    @Test
    void endpointTemplateRoundTrip() {
        ReadContext ctx = XmlAsserts.readContext("t.xml", TEMPLATE);
        assertTrue(TemplateXml.isEndpointTemplate(ctx.root()));
        EndpointTemplate t = TemplateXml.readEndpointTemplate(ctx.root(), ctx);
        assertSimilar(TEMPLATE, TemplateXml.write(t, XmlAsserts.writeContext()));
    }
}
