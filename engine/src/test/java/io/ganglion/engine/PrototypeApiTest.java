package io.ganglion.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.rest.ApiXml;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundResponse;
import io.ganglion.engine.spi.RawBody;
import io.ganglion.engine.testing.FakeExchange;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Prototype implementations and lifecycle states through the real engine. */
class PrototypeApiTest {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    /** Shaped like WSO2's generated mock scripts (written for this test). */
    static final String GENERATED_STYLE_MOCK = """
            var accept = mc.getProperty('AcceptHeader');
            var responseCode = mc.getProperty('query.param.responseCode');
            var responseCodeSC;
            var responses = [];
            if (!responses[200]) {
              responses[200] = [];
            }
            responses[200]["application/json"] = { "id" : 1, "name" : "Rex", "tags" : [ "dog" ] };
            responses[200]["application/xml"] = <pet><id>1</id><name>Rex</name></pet>;
            if (!responses[404]) {
              responses[404] = [];
            }
            responses[404]["application/json"] = { "code" : 404, "message" : "no such pet" };
            responses[501] = [];
            responses[501]["application/json"] = { "code" : 501, "description" : "Not Implemented" };
            responses[501]["application/xml"] = <response><code>501</code><description>Not Implemented</description></response>;
            if (responseCode == null) {
              responseCode = 200;
            }
            if (!responses[responseCode]) {
              if (responses["default"]) {
                responseCode = "default"
              } else {
                responseCode = 501;
              }
            }
            if (responseCode === "default") {
              responseCodeSC = mc.getProperty('query.param.responseCode');
            } else {
              responseCodeSC = responseCode;
            }
            if (accept == null || !responses[responseCode][accept]) {
              accept = "application/json";
            }
            if (accept == "application/json") {
              mc.setProperty('CONTENT_TYPE', 'application/json');
              mc.setProperty('HTTP_SC', responseCodeSC + "");
              mc.setPayloadJSON(responses[responseCode]["application/json"]);
            } else if (accept == "application/xml") {
              mc.setProperty('CONTENT_TYPE', 'application/xml');
              mc.setProperty('HTTP_SC', responseCodeSC + "");
              mc.setPayloadXML(responses[responseCode]["application/xml"]);
            }
            """;

    private final ExecutorService workers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private Engine engine(String... apis) {
        Configuration.Builder b = Configuration.builder();
        for (String xml : apis) {
            ReadContext ctx = ReadContext.forText("api.xml", xml);
            b.api(ApiXml.read(ctx.root(), ctx));
        }
        Configuration cfg = b.build();
        return new Engine(() -> cfg, (req, cb) -> {
            throw new AssertionError("prototypes send nothing");
        }, workers, Clock.systemUTC(), 1024 * 1024);
    }

    private static OutboundResponse call(Engine e, FakeExchange ex) {
        e.accept(ex);
        return ex.await();
    }

    private static String body(OutboundResponse r) {
        return FakeExchange.bodyText(r);
    }

    private static String type(OutboundResponse r) {
        return r.body() instanceof OutboundBody.Bytes b ? b.contentType() : null;
    }

    private static final String PETS = "<api " + NS + " name=\"Pets\" context=\"/pets\" lifecycle=\"PROTOTYPED\">"
            + "<resource methods=\"GET\" uri-template=\"/{id}\"><prototype language=\"js\"><![CDATA["
            + GENERATED_STYLE_MOCK + "]]></prototype></resource>"
            + "<resource methods=\"POST\" uri-template=\"/\"><prototype language=\"js\"><![CDATA["
            + "var p = mc.getPayloadJSON(); p.id = 7; p.name = p.name.toUpperCase();"
            + "mc.setProperty('HTTP_SC', 201); mc.setPayloadJSON(p);]]></prototype></resource>"
            + "<resource methods=\"GET\" uri-template=\"/{id}/owner?format={f}\"><prototype language=\"js\"><![CDATA["
            + "mc.setProperty('CONTENT_TYPE', 'application/xml');"
            + "mc.setPayloadXML('<owner pet=\"' + mc.getProperty('uri.var.id') + '\" format=\"'"
            + " + mc.getProperty('query.param.format') + '\"/>');]]></prototype></resource>"
            + "<resource methods=\"DELETE\" uri-template=\"/{id}\"/>"
            + "<resource methods=\"PUT\" uri-template=\"/loop\"><prototype language=\"js\">while (true) {}</prototype>"
            + "</resource>"
            + "</api>";

    @Test
    void generatedStyleMockPicksTheResponseByCodeAndAccept() {
        Engine e = engine(PETS);
        OutboundResponse ok = call(e, FakeExchange.get("/pets/1"));
        assertEquals(200, ok.status());
        assertEquals("{\"id\":1,\"name\":\"Rex\",\"tags\":[\"dog\"]}", body(ok));
        assertTrue(type(ok).startsWith("application/json"), type(ok));

        OutboundResponse missing = call(e, FakeExchange.get("/pets/1?responseCode=404"));
        assertEquals(404, missing.status());
        assertEquals("{\"code\":404,\"message\":\"no such pet\"}", body(missing));

        OutboundResponse unknown = call(e, FakeExchange.get("/pets/1?responseCode=418"));
        assertEquals(501, unknown.status());

        FakeExchange xml = new FakeExchange("GET", "/pets/1", new Headers().set("Accept", "application/xml"),
                RawBody.empty());
        OutboundResponse asXml = call(e, xml);
        assertEquals(200, asXml.status());
        assertEquals("<pet><id>1</id><name>Rex</name></pet>", body(asXml));
        assertTrue(type(asXml).startsWith("application/xml"), type(asXml));
    }

    @Test
    void postEchoesATransformedBodyWithTheChosenStatus() {
        OutboundResponse r = call(engine(PETS), FakeExchange.post("/pets", "application/json", "{\"name\":\"rex\"}"));
        assertEquals(201, r.status());
        assertEquals("{\"name\":\"REX\",\"id\":7}", body(r));
    }

    @Test
    void pathAndQueryValuesAndXmlOutput() {
        OutboundResponse r = call(engine(PETS), FakeExchange.get("/pets/9/owner?format=short"));
        assertEquals(200, r.status());
        assertEquals("<owner pet=\"9\" format=\"short\"/>", body(r));
        assertTrue(type(r).startsWith("application/xml"));
    }

    @Test
    void unimplementedResourceOfAPrototypedApiAnswers501() {
        OutboundResponse r = call(engine(PETS), new FakeExchange("DELETE", "/pets/3", new Headers(), RawBody.empty()));
        assertEquals(501, r.status());
        assertEquals("{\"code\":501,\"description\":\"Not Implemented\"}", body(r));
    }

    @Test
    void anEndlessMockIsStoppedWhileOtherRequestsAreAnswered() throws Exception {
        Engine e = engine(PETS);
        FakeExchange loop = new FakeExchange("PUT", "/pets/loop", new Headers(), RawBody.empty());
        long start = System.nanoTime();
        e.accept(loop);
        Thread.sleep(50);
        OutboundResponse quick = call(e, FakeExchange.get("/pets/2"));
        assertEquals(200, quick.status());
        assertEquals(0, loop.responseCount(), "the other request was answered only after the endless one");
        OutboundResponse stopped = loop.await();
        long loopMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(500, stopped.status());
        assertTrue(body(stopped).contains("budget of 1000 ms"), body(stopped));
        assertTrue(loopMs >= 900 && loopMs < 4000, "loop stopped after " + loopMs + " ms");
    }

    @Test
    void blockedAnswers503With700700() {
        Engine e = engine("<api " + NS + " name=\"Shop\" context=\"/shop\" lifecycle=\"BLOCKED\">"
                + "<resource><inSequence><respond/></inSequence></resource></api>");
        FakeExchange ex = new FakeExchange("GET", "/shop/items", new Headers().set("Accept", "application/json"),
                RawBody.empty());
        OutboundResponse r = call(e, ex);
        assertEquals(503, r.status());
        assertTrue(body(r).contains("\"code\":700700"), body(r));
        assertTrue(body(r).contains("API blocked"), body(r));
    }

    @Test
    void createdAndRetiredAreNotServed() {
        Engine e = engine("<api " + NS + " name=\"Old\" context=\"/old\" lifecycle=\"RETIRED\">"
                + "<resource><inSequence><respond/></inSequence></resource></api>",
                "<api " + NS + " name=\"New\" context=\"/new\" lifecycle=\"CREATED\">"
                + "<resource><inSequence><respond/></inSequence></resource></api>",
                "<api " + NS + " name=\"Live\" context=\"/live\" lifecycle=\"DEPRECATED\">"
                + "<resource><inSequence><respond/></inSequence></resource></api>");
        OutboundResponse old = call(e, FakeExchange.get("/old/x"));
        assertEquals(404, old.status());
        assertTrue(body(old).contains("API 'Old' is RETIRED and not served"), body(old));
        assertEquals(404, call(e, FakeExchange.get("/new")).status());
        assertEquals(200, call(e, FakeExchange.get("/live")).status());
    }
}
