package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.config.ConfigProblem;
import io.ganglion.engine.config.RepositoryLoader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Prototyped APIs, the lifecycle states and the prototype gate, over HTTP against the real server. */
class PrototypeIT {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";
    private static final Path HOME = Path.of(System.getProperty("ganglion.home", "..")).toAbsolutePath().normalize();

    private static String petsApi(String lifecycle) {
        return "<api " + NS + " name=\"Pets\" context=\"/pets\" lifecycle=\"" + lifecycle + "\">\n"
                + "  <resource methods=\"GET\" uri-template=\"/{id}/toys/{toy}\">\n"
                + "    <prototype language=\"js\"><![CDATA[\n"
                + "      mc.setPayloadJSON({pet: Number(mc.getProperty('uri.var.id')), toy: mc.getProperty('uri.var.toy'),\n"
                + "                         colour: mc.getProperty('query.param.colour')});\n"
                + "    ]]></prototype>\n"
                + "  </resource>\n"
                + "  <resource methods=\"POST\" uri-template=\"/\">\n"
                + "    <prototype language=\"js\"><![CDATA[\n"
                + "      var pet = mc.getPayloadJSON();\n"
                + "      pet.id = 42;\n"
                + "      pet.name = pet.name.toUpperCase();\n"
                + "      pet.tags = (pet.tags || []).concat(['new']);\n"
                + "      mc.setProperty('HTTP_SC', '201');\n"
                + "      mc.setHeader('Location', '/pets/' + pet.id);\n"
                + "      mc.setPayloadJSON(pet);\n"
                + "    ]]></prototype>\n"
                + "  </resource>\n"
                + "  <resource methods=\"GET\" uri-template=\"/{id}/card\">\n"
                + "    <prototype language=\"js\"><![CDATA[\n"
                + "      var id = mc.getProperty('uri.var.id');\n"
                + "      mc.setProperty('CONTENT_TYPE', 'application/xml');\n"
                + "      mc.setPayloadXML(<card><pet>{id}</pet><vaccinated>true</vaccinated></card>);\n"
                + "    ]]></prototype>\n"
                + "  </resource>\n"
                + "  <resource methods=\"DELETE\" uri-template=\"/{id}\">\n"
                + "    <prototype language=\"js\">mc.setProperty('HTTP_SC', 409); mc.setPayloadJSON({error: 'pet is adopted'});"
                + "</prototype>\n"
                + "  </resource>\n"
                + "  <resource methods=\"PUT\" uri-template=\"/{id}\"/>\n"
                + "</api>";
    }

    @Test
    void prototypedApiIsMockedByScripts() {
        TestRepo repo = TestRepo.create().api("Pets", petsApi("PROTOTYPED"));
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> get = Http.get(gw.url("/pets/7/toys/ball?colour=red"));
            assertEquals(200, get.statusCode(), get.body());
            assertEquals("{\"pet\":7,\"toy\":\"ball\",\"colour\":\"red\"}", get.body());
            assertTrue(get.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

            HttpResponse<String> post = Http.post(gw.url("/pets"), "application/json", "{\"name\":\"rex\",\"tags\":[\"dog\"]}");
            assertEquals(201, post.statusCode(), post.body());
            assertEquals("{\"name\":\"REX\",\"tags\":[\"dog\",\"new\"],\"id\":42}", post.body());
            assertEquals("/pets/42", post.headers().firstValue("Location").orElse(""));

            HttpResponse<String> xml = Http.get(gw.url("/pets/7/card"));
            assertEquals(200, xml.statusCode(), xml.body());
            assertEquals("<card><pet>7</pet><vaccinated>true</vaccinated></card>", xml.body());
            assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));

            HttpResponse<String> conflict = Http.method("DELETE", gw.url("/pets/7"));
            assertEquals(409, conflict.statusCode(), conflict.body());
            assertEquals("{\"error\":\"pet is adopted\"}", conflict.body());

            HttpResponse<String> todo = Http.method("PUT", gw.url("/pets/7"));
            assertEquals(501, todo.statusCode(), todo.body());
        }
    }

    @Test
    void publishedApiWithAPrototypeIsRejectedWhileTheOthersServe() {
        TestRepo repo = TestRepo.create()
                .api("Pets", petsApi("PUBLISHED"))
                .api("Health", "<api " + NS + " name=\"Health\" context=\"/health\"><resource methods=\"GET\">"
                        + "<inSequence><payloadFactory media-type=\"json\"><format>{\"up\":true}</format><args/>"
                        + "</payloadFactory><respond/></inSequence></resource></api>");
        List<String> problems = RepositoryLoader.load(repo.path()).problems().stream().map(ConfigProblem::toString)
                .collect(Collectors.toList());
        assertEquals(List.of(repo.path().resolve("conf/synapse-config/api/Pets.xml") + ":3:5: API 'Pets' is PUBLISHED"
                + " but its resource 'GET /{id}/toys/{toy}' has a <prototype> implementation; prototype endpoints and"
                + " prototype implementations are allowed only while an API is CREATED or PROTOTYPED"), problems);
        try (Gateway gw = Gateway.start(repo)) {
            assertEquals(404, Http.get(gw.url("/pets/7/toys/ball")).statusCode());
            HttpResponse<String> health = Http.get(gw.url("/health"));
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("{\"up\":true}", health.body());
        }
    }

    @Test
    void blockedApiAnswers503WithCode700700() {
        TestRepo repo = TestRepo.create().api("Pets", petsApi("BLOCKED").replace("<prototype", "<!--p").replace(
                "</prototype>", "p-->"));
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> r = Http.get(gw.url("/pets/7/toys/ball"), "Accept", "application/json");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"code\":700700"), r.body());
            assertTrue(r.body().contains("API blocked"), r.body());
            HttpResponse<String> xml = Http.get(gw.url("/pets/1"));
            assertEquals(503, xml.statusCode());
            assertTrue(xml.body().contains("<code>700700</code>"), xml.body());
        }
    }

    @Test
    void prototypedApiUsesAPrototypeEndpoint() {
        try (Backend mockBackend = Backend.start(r -> Backend.Reply.json("{\"from\":\"prototype backend\",\"path\":\""
                + r.uri() + "\"}"))) {
            TestRepo repo = TestRepo.create()
                    .endpoint("PetsPrototypeEP", "<endpoint " + NS + " name=\"PetsPrototypeEP\" prototype=\"true\">"
                            + "<http method=\"get\" uri-template=\"" + mockBackend.url("/mock/pets/{uri.var.id}") + "\"/>"
                            + "</endpoint>")
                    .api("Pets", "<api " + NS + " name=\"Pets\" context=\"/pets\" lifecycle=\"PROTOTYPED\">"
                            + "<resource methods=\"GET\" uri-template=\"/{id}\"><inSequence>"
                            + "<call><endpoint key=\"PetsPrototypeEP\"/></call><respond/>"
                            + "</inSequence></resource></api>");
            try (Gateway gw = Gateway.start(repo)) {
                HttpResponse<String> r = Http.get(gw.url("/pets/5"));
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("{\"from\":\"prototype backend\",\"path\":\"/mock/pets/5\"}", r.body());
            }
            // Publishing the API while it still uses the prototype endpoint is refused.
            repo.api("Pets", "<api " + NS + " name=\"Pets\" context=\"/pets\">\n"
                    + "<resource methods=\"GET\" uri-template=\"/{id}\"><inSequence>\n"
                    + "<call><endpoint key=\"PetsPrototypeEP\"/></call><respond/>"
                    + "</inSequence></resource></api>");
            List<ConfigProblem> problems = RepositoryLoader.load(repo.path()).problems();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).toString().endsWith("Pets.xml:3:7: API 'Pets' is PUBLISHED but uses prototype"
                    + " endpoint 'PetsPrototypeEP'; prototype endpoints and prototype implementations are allowed only"
                    + " while an API is CREATED or PROTOTYPED"), problems.get(0).toString());
        }
    }

    @Test
    void editingTheLifecycleIsSeenAfterARestart() {
        TestRepo repo = TestRepo.create().api("Pets", petsApi("PROTOTYPED"));
        String path = "/pets/1/toys/bone";
        try (Gateway gw = Gateway.start(repo)) {
            assertEquals(200, Http.get(gw.url(path)).statusCode());
        }
        repo.api("Pets", petsApi("CREATED"));
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> created = Http.get(gw.url(path));
            assertEquals(404, created.statusCode(), created.body());
            assertTrue(created.body().contains("API 'Pets' is CREATED and not served"), created.body());
        }
        repo.api("Pets", petsApi("BLOCKED").replace("<prototype", "<!--p").replace("</prototype>", "p-->"));
        try (Gateway gw = Gateway.start(repo)) {
            assertEquals(503, Http.get(gw.url(path)).statusCode());
        }
        repo.api("Pets", petsApi("RETIRED"));
        try (Gateway gw = Gateway.start(repo)) {
            assertEquals(404, Http.get(gw.url(path)).statusCode());
        }
        repo.api("Pets", petsApi("PROTOTYPED"));
        try (Gateway gw = Gateway.start(repo)) {
            HttpResponse<String> back = Http.get(gw.url(path));
            assertEquals(200, back.statusCode(), back.body());
            assertEquals("{\"pet\":1,\"toy\":\"bone\",\"colour\":null}", back.body());
        }
    }

    @Test
    void theSampleRepositoryServesItsMockedApi() {
        Path sample = HOME.resolve("samples/01-prototype-mock");
        assertTrue(RepositoryLoader.load(sample).ok(), () -> RepositoryLoader.load(sample).problems().toString());
        try (Gateway gw = Gateway.start(TestRepo.copyOf(sample))) { // a copy: nothing is written into samples/
            HttpResponse<String> pet = Http.get(gw.url("/petstore/v1/pets/7"));
            assertEquals(200, pet.statusCode(), pet.body());
            assertEquals("{\"id\":7,\"name\":\"Rex\",\"category\":\"dog\",\"status\":\"available\"}", pet.body());

            HttpResponse<String> notFound = Http.get(gw.url("/petstore/v1/pets/7?responseCode=404"));
            assertEquals(404, notFound.statusCode());
            assertEquals("{\"code\":404,\"message\":\"Pet not found\"}", notFound.body());

            HttpResponse<String> xml = Http.get(gw.url("/petstore/v1/pets/7"), "Accept", "application/xml");
            assertEquals(200, xml.statusCode());
            assertEquals("<pet><id>7</id><name>Rex</name><category>dog</category></pet>", xml.body());

            HttpResponse<String> list = Http.get(gw.url("/petstore/v1/pets?status=available&limit=1"));
            assertEquals("{\"count\":1,\"pets\":[{\"id\":1,\"name\":\"Rex\",\"category\":\"dog\",\"status\":\"available\"}]}",
                    list.body());

            HttpResponse<String> added = Http.post(gw.url("/petstore/v1/pets"), "application/json", "{\"name\":\"fLUFFY\"}");
            assertEquals(201, added.statusCode(), added.body());
            assertEquals("/petstore/v1/pets/106", added.headers().firstValue("Location").orElse(""));
            assertEquals("{\"name\":\"Fluffy\",\"id\":106,\"status\":\"available\"}", added.body());

            assertEquals(501, Http.method("DELETE", gw.url("/petstore/v1/pets/1")).statusCode());
        }
    }
}
