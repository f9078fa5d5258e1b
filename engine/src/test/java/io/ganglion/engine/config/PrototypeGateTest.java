package io.ganglion.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointWrapper;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.ReadContext.EndpointUse;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.rest.Api;
import io.ganglion.engine.rest.ApiXml;
import io.ganglion.engine.spi.SendCallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy-time rule that prototypes are only for CREATED and PROTOTYPED APIs, and script load errors. */
class PrototypeGateTest {

    private static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    @TempDir
    Path repo;

    private String write(String relative, String content) throws IOException {
        Path file = repo.resolve("conf/synapse-config").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file.toString();
    }

    private static List<String> problems(RepositoryLoader.Result r) {
        return r.problems().stream().map(ConfigProblem::toString).collect(Collectors.toList());
    }

    private static String api(String name, String lifecycle, String inSequence) {
        return "<api " + NS + " name=\"" + name + "\" context=\"/" + name.toLowerCase() + "\""
                + (lifecycle == null ? "" : " lifecycle=\"" + lifecycle + "\"") + ">\n"
                + "  <resource methods=\"GET\">\n"
                + "    <inSequence>\n"
                + "      " + inSequence + "\n"
                + "    </inSequence>\n"
                + "  </resource>\n"
                + "</api>";
    }

    @Test
    void apisOutsidePrototypingMayNotReachPrototypes() throws IOException {
        write("endpoints/MockEP.xml", "<endpoint " + NS + " name=\"MockEP\" prototype=\"true\">"
                + "<http uri-template=\"http://127.0.0.1:9/mock\"/></endpoint>");
        write("endpoints/RealEP.xml", "<endpoint " + NS + " name=\"RealEP\"><http uri-template=\"http://127.0.0.1:9/real\"/>"
                + "</endpoint>");
        write("endpoints/ViaKey.xml", "<endpoint " + NS + " name=\"ViaKey\" key=\"MockEP\"/>");
        write("sequences/callMock.xml", "<sequence " + NS + " name=\"callMock\"><send><endpoint key=\"ViaKey\"/></send>"
                + "</sequence>");
        String direct = write("api/Direct.xml", api("Direct", null, "<send><endpoint key=\"MockEP\"/></send>"));
        String inline = write("api/Inline.xml", api("Inline", "DEPRECATED",
                "<send><endpoint name=\"Own\" prototype=\"true\"><http uri-template=\"http://127.0.0.1:9/own\"/>"
                        + "</endpoint></send>"));
        String viaKey = write("api/ViaKeyApi.xml", api("ViaKeyApi", "BLOCKED", "<call><endpoint key=\"ViaKey\"/></call>"));
        String viaSeq = write("api/ViaSeq.xml", api("ViaSeq", "RETIRED", "<sequence key=\"callMock\"/>"));
        String impl = write("api/Impl.xml", "<api " + NS + " name=\"Impl\" context=\"/impl\" lifecycle=\"PUBLISHED\">\n"
                + "  <resource methods=\"GET\">\n"
                + "    <prototype language=\"js\">mc.setPayloadJSON({})</prototype>\n"
                + "  </resource>\n"
                + "</api>");
        write("api/Prototyped.xml", api("Prototyped", "PROTOTYPED", "<sequence key=\"callMock\"/>"));
        write("api/Created.xml", "<api " + NS + " name=\"Created\" context=\"/created\" lifecycle=\"CREATED\">"
                + "<resource><prototype language=\"js\">1</prototype></resource></api>");
        write("api/Fine.xml", api("Fine", null, "<send><endpoint key=\"RealEP\"/></send>"));

        RepositoryLoader.Result r = RepositoryLoader.load(repo);
        String rule = "; " + PrototypeGate.RULE;
        assertEquals(List.of(
                direct + ":4:13: API 'Direct' is PUBLISHED but uses prototype endpoint 'MockEP'" + rule,
                impl + ":3:5: API 'Impl' is PUBLISHED but its resource 'GET *' has a <prototype> implementation" + rule,
                inline + ":4:13: API 'Inline' is DEPRECATED but uses prototype endpoint 'Own'" + rule,
                viaKey + ":4:13: API 'ViaKeyApi' is BLOCKED but uses prototype endpoint 'MockEP'" + rule,
                viaSeq + ":4:7: API 'ViaSeq' is RETIRED but uses prototype endpoint 'MockEP' through sequence"
                        + " 'callMock'" + rule), problems(r));
        Configuration cfg = r.configuration();
        assertEquals(List.of("Created", "Fine", "Prototyped"),
                cfg.apis().stream().map(Api::name).sorted().collect(Collectors.toList()));
        assertTrue(cfg.endpoint("MockEP").wrapper().prototype());
    }

    @Test
    void realFailoverAndLoadbalanceGroupsFromXmlAreSearched() throws IOException {
        write("endpoints/MockEP.xml", "<endpoint " + NS + " name=\"MockEP\" prototype=\"true\">"
                + "<http uri-template=\"http://127.0.0.1:9/mock\"/></endpoint>");
        write("endpoints/Group.xml", "<endpoint " + NS + " name=\"Group\"><failover>"
                + "<endpoint name=\"primary\"><address uri=\"http://127.0.0.1:9/a\"/></endpoint>"
                + "<endpoint><loadbalance><endpoint key=\"MockEP\"/>"
                + "<endpoint name=\"b\"><address uri=\"http://127.0.0.1:9/b\"/></endpoint></loadbalance></endpoint>"
                + "</failover></endpoint>");
        String published = write("api/UsesGroup.xml", api("UsesGroup", null, "<send><endpoint key=\"Group\"/></send>"));
        write("api/Prototyped.xml", api("Prototyped", "PROTOTYPED", "<send><endpoint key=\"Group\"/></send>"));

        RepositoryLoader.Result r = RepositoryLoader.load(repo);
        assertEquals(List.of(published + ":4:13: API 'UsesGroup' is PUBLISHED but uses prototype endpoint 'MockEP'; "
                + PrototypeGate.RULE), problems(r));
        assertEquals(List.of("Prototyped"), r.configuration().apis().stream().map(Api::name).collect(Collectors.toList()));
    }

    @Test
    void groupsAreSearchedToo() {
        Endpoint mock = endpoint("Mock", true, List.of(), null);
        Endpoint group = endpoint("Group", false, List.of(endpoint("Real", false, List.of(), null),
                endpoint(null, false, List.of(), "MockKey")), null);
        Map<String, Endpoint> named = Map.of("MockKey", mock, "Group", group);
        ReadContext ctx = ReadContext.forText("api/G.xml", "<api " + NS + " name=\"G\" context=\"/g\">"
                + "<resource><inSequence/></resource></api>");
        Api api = ApiXml.read(ctx.root(), ctx);
        Location at = new Location("api/G.xml", 7, 9);
        PrototypeGate.Artifacts artifacts = new PrototypeGate.Artifacts() {
            @Override
            public Endpoint endpoint(String key) {
                return named.get(key);
            }

            @Override
            public PrototypeGate.Usage sequence(String key) {
                return null;
            }

            @Override
            public PrototypeGate.Usage template(String key) {
                return null;
            }
        };
        Endpoint reference = endpoint(null, false, List.of(), "Group");
        ConfigException e = assertThrows(ConfigException.class, () -> PrototypeGate.check(api,
                new PrototypeGate.Usage(List.of(new EndpointUse(reference, at)), List.of()), artifacts));
        assertEquals(at, e.location());
        assertTrue(e.getMessage().contains("uses prototype endpoint 'Mock'"), e.getMessage());
        // A cycle of references ends.
        Endpoint self = endpoint("Self", false, List.of(), "Self");
        PrototypeGate.check(api, new PrototypeGate.Usage(List.of(new EndpointUse(self, at)), List.of()),
                new PrototypeGate.Artifacts() {
                    @Override
                    public Endpoint endpoint(String key) {
                        return self;
                    }

                    @Override
                    public PrototypeGate.Usage sequence(String key) {
                        return null;
                    }

                    @Override
                    public PrototypeGate.Usage template(String key) {
                        return null;
                    }
                });
    }

    private static Endpoint endpoint(String name, boolean prototype, List<Endpoint> children, String key) {
        EndpointWrapper w = new EndpointWrapper(name, List.of(), null, prototype);
        return new Endpoint() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void send(MessageContext ctx, SendCallback callback) {
                throw new UnsupportedOperationException();
            }

            @Override
            public EndpointWrapper wrapper() {
                return w;
            }

            @Override
            public List<Endpoint> children() {
                return children;
            }

            @Override
            public String referencedKey() {
                return key;
            }
        };
    }

    @Test
    void scriptSyntaxErrorsAreLoadProblemsAtTheirLines() throws IOException {
        String seq = write("sequences/s.xml", "<sequence " + NS + " name=\"s\">\n"
                + "  <log/>\n"
                + "  <script language=\"js\">\n"
                + "    var ok = 1;\n"
                + "    var broken = {;\n"
                + "  </script>\n"
                + "</sequence>");
        String entry = write("local-entries/lib.xml", "<localEntry " + NS + " key=\"lib\">function mediate(mc) {\n"
                + "  return )\n"
                + "}</localEntry>");
        write("sequences/k.xml", "<sequence " + NS + " name=\"k\"><script language=\"js\" key=\"lib\"/></sequence>");
        write("sequences/good.xml", "<sequence " + NS + " name=\"good\"><script language=\"js\" key=\"fine\"/></sequence>");
        write("local-entries/fine.xml", "<localEntry " + NS + " key=\"fine\">function mediate(mc) { }</localEntry>");
        RepositoryLoader.Result r = RepositoryLoader.load(repo);
        List<String> p = problems(r);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith(entry + ":1:1: script in local entry 'lib' has a syntax error at line 2, column"),
                p.get(0));
        assertTrue(p.get(1).startsWith(seq + ":5:19: script syntax error: "), p.get(1));
        assertNull(r.configuration().sequence("s"));
        assertNotNull(r.configuration().sequence("k"));
        assertNotNull(r.configuration().sequence("good"));
    }
}
