package io.ganglion.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.proxy.ProxyService;
import io.ganglion.engine.rest.Api;
import io.ganglion.engine.rest.Dispatch;
import io.ganglion.engine.testing.MediationHarness;
import io.ganglion.engine.testing.StandInMediators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryLoaderTest {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    @TempDir
    Path repo;

    private Path write(String relative, String content) throws IOException {
        Path file = repo.resolve("conf/synapse-config").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private RepositoryLoader.Result load() {
        return load(repo);
    }

    private static RepositoryLoader.Result load(Path repository) {
        return RepositoryLoader.load(repository, StandInMediators.registry(), EndpointRegistry.defaults());
    }

    private static List<String> problems(RepositoryLoader.Result r) {
        return r.problems().stream().map(ConfigProblem::toString).collect(Collectors.toList());
    }

    private String at(String relative, int line, int column, String message) {
        return repo.resolve("conf/synapse-config").resolve(relative) + ":" + line + ":" + column + ": " + message;
    }

    @Test
    void loadsSynapseXmlAndFoldersTogether() throws IOException {
        write("synapse.xml", "<definitions " + NS + ">\n"
                + "  <localEntry key=\"wsdl\"><definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\"/></localEntry>\n"
                + "  <sequence name=\"main\"><log/></sequence>\n"
                + "  <api name=\"Root\" context=\"/\"><resource inSequence=\"main\"/></api>\n"
                + "  <description>legacy single file</description>\n"
                + "</definitions>");
        write("local-entries/greeting.xml", "<localEntry " + NS + " key=\"greeting\">Hello</localEntry>");
        write("sequences/errors.xml", "<sequence " + NS + " name=\"errors\"><log level=\"full\"/></sequence>");
        write("sequences/fault.xml", "<sequence " + NS + " name=\"fault\"><log/></sequence>");
        write("sequences/notes.txt", "not an artifact");
        write("templates/greet.xml", "<template " + NS + " name=\"greet\"><parameter name=\"who\"/>"
                + "<sequence><log/></sequence></template>");
        write("proxy-services/Quote.xml", "<proxy " + NS + " name=\"Quote\" transports=\"http\">"
                + "<target inSequence=\"errors\"><outSequence><send/></outSequence></target>"
                + "<publishWSDL key=\"wsdl\"/></proxy>");
        write("api/Orders.xml", "<api " + NS + " name=\"Orders\" context=\"/orders\">"
                + "<resource methods=\"GET\" uri-template=\"/{id}\"><inSequence onError=\"errors\"><log/>"
                + "</inSequence></resource></api>");

        RepositoryLoader.Result r = load();

        assertEquals(List.of(), problems(r));
        assertTrue(r.ok());
        Configuration c = r.configuration();
        assertEquals("Hello", c.localEntryValue("greeting"));
        assertNotNull(c.localEntry("wsdl").xml());
        assertEquals(List.of("errors", "fault", "main"), c.sequences().keySet().stream().sorted().toList());
        assertEquals(1, c.template("greet").parameters().size());
        ProxyService quote = c.proxy("Quote");
        assertTrue(quote.wsdl().contains("http://schemas.xmlsoap.org/wsdl/"), "keyed WSDL resolved: " + quote.wsdl());
        assertEquals(List.of("Root", "Orders"), c.apis().stream().map(Api::name).toList());
        Api orders = c.apis().get(1);
        assertEquals(repo.resolve("conf/synapse-config/api/Orders.xml").toString(), orders.location().file());
        assertEquals(1, orders.location().line());

        MediationHarness h = new MediationHarness(c);
        Dispatch d = c.apiDispatcher().dispatch(h.request(), "GET", "/orders/7", null, "localhost", 8280);
        assertEquals("Orders", assertInstanceOf(Dispatch.Matched.class, d).api().name());
    }

    @Test
    void reportsBrokenArtifactsWithTheirLocationsAndLoadsTheRest() throws IOException {
        write("sequences/good.xml", "<sequence " + NS + " name=\"good\"><log/></sequence>");
        write("sequences/unknown.xml", "<sequence " + NS + " name=\"unknown\">\n  <log/>\n  <foo/>\n</sequence>");
        write("sequences/wrong.xml", "<?xml version=\"1.0\"?>\n<api " + NS + " name=\"A\" context=\"/a\"/>");
        write("sequences/otherns.xml", "<sequence xmlns=\"urn:other\" name=\"o\"/>");
        write("api/Broken.xml", "<api " + NS + " name=\"Broken\" context=\"/b\">\n  <resource>\n</api>");
        write("api/Context.xml", "<!-- orders -->\n<api " + NS + " name=\"Ctx\" context=\"orders\">\n"
                + "  <resource/>\n</api>");
        write("api/Dangling.xml", "<api " + NS + " name=\"Dangling\" context=\"/d\">\n"
                + "  <resource inSequence=\"nope\">\n"
                + "    <outSequence>\n"
                + "      <send>\n"
                + "        <endpoint key=\"missingEP\"/>\n"
                + "      </send>\n"
                + "    </outSequence>\n"
                + "  </resource>\n"
                + "</api>");
        write("api/Levels.xml", "<api " + NS + " name=\"Levels\" context=\"/l\">\n  <resource>\n"
                + "    <inSequence><log level=\"loud\"/></inSequence>\n  </resource>\n</api>");

        RepositoryLoader.Result r = load();
        List<String> problems = problems(r);

        assertEquals(8, problems.size(), String.join("\n", problems));
        assertEquals(List.of(
                at("sequences/otherns.xml", 1, 1, "<sequence> must be in the Synapse namespace "
                        + "http://ws.apache.org/ns/synapse, not 'urn:other'"),
                at("sequences/unknown.xml", 3, 3, "unknown mediator <foo>"),
                at("sequences/wrong.xml", 2, 1, "expected <sequence> in sequences/, found <api>")),
                problems.subList(0, 3));
        assertTrue(problems.get(3).startsWith(at("api/Broken.xml", 3, 5, "malformed XML: Unexpected close tag </api>; expected </resource>")), problems.get(3));
        assertEquals(List.of(
                at("api/Context.xml", 2, 1, "API context 'orders' must start with '/'"),
                at("api/Dangling.xml", 2, 3, "sequence 'nope' is not defined"),
                at("api/Dangling.xml", 5, 9, "endpoint 'missingEP' is not defined"),
                at("api/Levels.xml", 3, 17, "attribute 'level' must be simple, full, headers or custom, not 'loud'")),
                problems.subList(4, problems.size()));

        Configuration c = r.configuration();
        assertNotNull(c.sequence("good"));
        assertNull(c.sequence("unknown"));
        assertEquals(List.of("Dangling"), c.apis().stream().map(Api::name).toList(),
                "an API with dangling keys still deploys; broken ones do not");
    }

    @Test
    void reportsDuplicatesAtTheSecondDefinition() throws IOException {
        write("synapse.xml", "<definitions " + NS + ">\n  <sequence name=\"dup\"><log/></sequence>\n"
                + "  <localEntry key=\"shared\">x</localEntry>\n</definitions>");
        write("sequences/dup.xml", "<sequence " + NS + " name=\"dup\"><send/></sequence>");
        write("sequences/shared.xml", "<sequence " + NS + " name=\"shared\"/>");
        write("api/A1.xml", "<api " + NS + " name=\"A\" context=\"/a\"><resource/></api>");
        write("api/A2.xml", "<api " + NS + " name=\"A\" context=\"/other\"><resource/></api>");
        write("api/B.xml", "<api " + NS + " name=\"B\" context=\"/a/\"><resource/></api>");
        write("api/V.xml", "<api " + NS + " name=\"A\" context=\"/a\" version=\"2\" version-type=\"url\"><resource/>"
                + "</api>");

        RepositoryLoader.Result r = load();

        Path synapseXml = repo.resolve("conf/synapse-config/synapse.xml");
        assertEquals(List.of(
                at("sequences/dup.xml", 1, 1, "duplicate sequence 'dup': already defined at " + synapseXml + ":2:3"),
                at("sequences/shared.xml", 1, 1, "sequence 'shared' has the name of local entry 'shared' (sequences,"
                        + " endpoints and local entries share one namespace): already defined at " + synapseXml
                        + ":3:3"),
                at("api/A2.xml", 1, 1, "duplicate API 'A': already defined at "
                        + repo.resolve("conf/synapse-config/api/A1.xml") + ":1:1"),
                at("api/B.xml", 1, 1, "API 'B' uses context '/a', already used by API 'A' at "
                        + repo.resolve("conf/synapse-config/api/A1.xml") + ":1:1")),
                problems(r));
        assertEquals(1, r.configuration().sequence("dup").children().size());
        assertInstanceOf(StandInMediators.Log.class, r.configuration().sequence("dup").children().get(0));
        assertEquals(List.of("A", "A:v2"), r.configuration().apis().stream().map(Api::name).toList());
    }

    @Test
    void reportsWhatIsNotSupported() throws IOException {
        write("synapse.xml", "<definitions " + NS + ">\n"
                + "  <registry provider=\"org.apache.synapse.registry.url.SimpleURLRegistry\"/>\n"
                + "  <task name=\"t\" class=\"x.Y\"/>\n"
                + "  <sequence name=\"main\"><log/></sequence>\n"
                + "  <bogus/>\n"
                + "</definitions>");
        write("tasks/t.xml", "<task " + NS + " name=\"t\"/>");
        write("registry.xml", "<registry " + NS + "/>");

        RepositoryLoader.Result r = load();

        assertEquals(List.of(
                at("synapse.xml", 2, 3, "<registry> is not supported; define the entries it served as local entries"),
                at("synapse.xml", 3, 3, "<task> is not supported; it is ignored"),
                at("synapse.xml", 5, 3, "unknown element <bogus> in <definitions>"),
                at("registry.xml", 1, 1, "the registry is not supported; define the entries it served as local"
                        + " entries"),
                at("tasks/t.xml", 1, 1, "<task> artifacts are not supported; this file is ignored")),
                problems(r));
        assertNotNull(r.configuration().sequence("main"));
    }

    @Test
    void wrongRootInSynapseXml() throws IOException {
        write("synapse.xml", "<sequence " + NS + " name=\"main\"/>");
        assertEquals(List.of(at("synapse.xml", 1, 1, "expected <definitions> in synapse.xml, found <sequence>")),
                problems(load()));
    }

    @Test
    void danglingKeysOfEveryKind() throws IOException {
        write("sequences/s.xml", "<sequence " + NS + " name=\"s\" onError=\"noSuchSeq\"><send receive=\"fault\"/>"
                + "</sequence>");
        write("proxy-services/P.xml", "<proxy " + NS + " name=\"P\"><target endpoint=\"noEP\"/>"
                + "<publishWSDL key=\"noEntry\"/></proxy>");

        RepositoryLoader.Result r = load();

        assertEquals(List.of(
                at("sequences/s.xml", 1, 1, "sequence 'noSuchSeq' is not defined"),
                at("proxy-services/P.xml", 1, 57, "endpoint 'noEP' is not defined"),
                at("proxy-services/P.xml", 1, 82, "local entry 'noEntry' is not defined")),
                problems(r));
        ProxyService p = r.configuration().proxy("P");
        assertNotNull(p, "a proxy with a dangling key still deploys");
        assertNull(p.wsdl());
    }

    @Test
    void localEntrySrcIsReadRelativeToTheRepository() throws IOException {
        Files.createDirectories(repo.resolve("conf/resources"));
        Files.writeString(repo.resolve("conf/resources/t.xsl"), "<xsl:stylesheet "
                + "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" version=\"1.0\"/>");
        write("local-entries/xslt.xml", "<localEntry " + NS + " key=\"xslt\" src=\"file:conf/resources/t.xsl\"/>");
        write("local-entries/missing.xml", "<localEntry " + NS + " key=\"m\" src=\"file:conf/resources/none.xsl\"/>");

        RepositoryLoader.Result r = load();

        assertEquals("stylesheet", r.configuration().localEntry("xslt").xml().getLocalName());
        assertEquals(1, r.problems().size());
        assertTrue(problems(r).get(0).startsWith(at("local-entries/missing.xml", 1, 1,
                "local entry 'm': file 'file:conf/resources/none.xsl' does not exist")), problems(r).get(0));
    }

    @Test
    void locationsUseThePathAsGiven() throws IOException {
        write("api/Bad.xml", "<api " + NS + " name=\"Bad\" context=\"bad\"><resource/></api>");
        Path relative = Path.of("").toAbsolutePath().relativize(repo.toAbsolutePath());
        RepositoryLoader.Result r = load(relative);
        assertEquals(List.of(relative.resolve("conf/synapse-config").resolve("api").resolve("Bad.xml")
                + ":1:1: API context 'bad' must start with '/'"), problems(r));
        assertFalse(problems(r).get(0).startsWith("/"));
    }

    @Test
    void missingRepositoryOrConfigFolderIsOneProblem() {
        RepositoryLoader.Result none = load(repo.resolve("nope"));
        assertEquals(1, none.problems().size());
        assertNull(none.problems().get(0).location());
        assertTrue(none.problems().get(0).message().contains("does not exist"), none.problems().get(0).message());

        RepositoryLoader.Result empty = load(repo);
        assertEquals(1, empty.problems().size());
        assertTrue(empty.problems().get(0).message().contains("conf/synapse-config"),
                empty.problems().get(0).message());
        assertTrue(empty.configuration().apis().isEmpty());
    }

    @Test
    void emptyConfigFolderIsFine() throws IOException {
        Files.createDirectories(repo.resolve("conf/synapse-config"));
        assertTrue(load().ok());
    }
}
