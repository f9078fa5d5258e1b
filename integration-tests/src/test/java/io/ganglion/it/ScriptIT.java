package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The script mediator in ordinary sequences, over HTTP: transformations, keyed scripts, the time budget. */
class ScriptIT {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    @Test
    void scriptsTransformRequestAndResponseAroundABackend() {
        try (Backend backend = Backend.start(r -> Backend.Reply.json("{\"items\":[{\"sku\":\"A\",\"price\":2.5},"
                + "{\"sku\":\"B\",\"price\":4}],\"seen\":" + r.body() + "}"))) {
            TestRepo repo = TestRepo.create()
                    .repositoryFile("conf/scripts/orders.js", """
                            function toBackend(mc) {
                              var order = mc.getPayloadJSON();
                              mc.setPayloadJSON({ customer: order.customer.toUpperCase(), lines: order.lines.length });
                              mc.setProperty('customer', order.customer);
                            }
                            function fromBackend(mc) {
                              var r = mc.getPayloadJSON();
                              var total = r.items.reduce(function (s, i) { return s + i.price; }, 0);
                              mc.setPayloadJSON({ customer: mc.getProperty('customer'), total: total, sent: r.seen });
                              mc.setHeader('X-Total', String(total));
                            }
                            """)
                    .localEntry("ordersScript", "<localEntry " + NS + " key=\"ordersScript\" src=\"conf/scripts/orders.js\"/>")
                    .api("Orders", "<api " + NS + " name=\"Orders\" context=\"/orders\">"
                            + "<resource methods=\"POST\"><inSequence>"
                            + "<script language=\"js\" key=\"ordersScript\" function=\"toBackend\"/>"
                            + "<call><endpoint><http method=\"post\" uri-template=\"" + backend.url("/backend") + "\"/>"
                            + "</endpoint></call>"
                            + "<script language=\"js\" key=\"ordersScript\" function=\"fromBackend\"/>"
                            + "<respond/></inSequence></resource></api>");
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> r = Http.post(gw.url("/orders"), "application/json",
                        "{\"customer\":\"acme\",\"lines\":[1,2,3]}");
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("{\"customer\":\"ACME\",\"lines\":3}", backend.last().body());
                assertEquals("{\"customer\":\"acme\",\"total\":6.5,\"sent\":{\"customer\":\"ACME\",\"lines\":3}}", r.body());
                assertEquals("6.5", r.headers().firstValue("X-Total").orElse(""));
            }
        }
    }

    @Test
    void aScriptReturningFalseStopsTheSequence() {
        TestRepo repo = TestRepo.create().api("Gate", "<api " + NS + " name=\"Gate\" context=\"/gate\">"
                + "<resource methods=\"GET\"><inSequence>"
                + "<script language=\"js\"><![CDATA["
                + "var allowed = mc.getProperty('query.param.key') == 'open';"
                + "allowed]]></script>"
                + "<payloadFactory media-type=\"json\"><format>{\"welcome\":true}</format><args/></payloadFactory>"
                + "<respond/></inSequence></resource></api>");
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> ok = Http.get(gw.url("/gate?key=open"));
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals("{\"welcome\":true}", ok.body());
            // The script stopped the flow without answering: the engine's default for an unanswered request.
            HttpResponse<String> denied = Http.get(gw.url("/gate?key=shut"));
            assertEquals(202, denied.statusCode(), denied.body());
        }
    }

    @Test
    void anEndlessScriptIsStoppedWhileTheServerAnswersOthers() throws Exception {
        TestRepo repo = TestRepo.create()
                .api("Spin", "<api " + NS + " name=\"Spin\" context=\"/spin\"><resource methods=\"GET\"><inSequence>"
                        + "<script language=\"js\">var i = 0; while (true) { i++; }</script><respond/>"
                        + "</inSequence></resource></api>")
                .api("Fast", "<api " + NS + " name=\"Fast\" context=\"/fast\"><resource methods=\"GET\"><inSequence>"
                        + "<script language=\"js\">mc.setPayloadJSON({fast: true});</script><respond/>"
                        + "</inSequence></resource></api>");
        try (Gateway gw = Gateway.start(repo)) {
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> spin = CompletableFuture.supplyAsync(
                    () -> Http.get(gw.url("/spin"), "Accept", "application/json"));
            Thread.sleep(100);
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> fast = Http.get(gw.url("/fast"));
                assertEquals(200, fast.statusCode(), fast.body());
                assertEquals("{\"fast\":true}", fast.body());
                assertTrue(i > 0 || !spin.isDone(), "the other request was answered only after the endless one");
            }
            HttpResponse<String> stopped = spin.get(10, TimeUnit.SECONDS);
            long spinMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(500, stopped.statusCode(), stopped.body());
            assertTrue(stopped.body().contains("ran longer than its budget of 1000 ms"), stopped.body());
            assertTrue(spinMs >= 900 && spinMs < 5000, "stopped after " + spinMs + " ms");
        }
    }

    @Test
    void scriptsCannotReachJava() {
        TestRepo repo = TestRepo.create().api("Escape", "<api " + NS + " name=\"Escape\" context=\"/escape\">"
                + "<resource methods=\"GET\"><inSequence>"
                + "<script language=\"js\"><![CDATA["
                + "var tries = [typeof java, typeof Packages, typeof importClass, typeof mc.getClass];"
                + "var file; try { file = new java.io.File('/etc/passwd').exists(); } catch (e) { file = 'denied'; }"
                + "mc.setPayloadJSON({tries: tries, file: file});]]></script>"
                + "<respond/></inSequence></resource></api>");
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> r = Http.get(gw.url("/escape"));
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("{\"tries\":[\"undefined\",\"undefined\",\"undefined\",\"undefined\"],\"file\":\"denied\"}",
                    r.body());
        }
    }
}
