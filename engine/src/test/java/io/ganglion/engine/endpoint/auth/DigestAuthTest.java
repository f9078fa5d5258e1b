package io.ganglion.engine.endpoint.auth;

import static io.ganglion.engine.endpoint.EndpointTesting.endpoint;
import static io.ganglion.engine.endpoint.EndpointTesting.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.Endpoint;
import io.ganglion.engine.endpoint.EndpointTesting.Outcome;
import io.ganglion.engine.endpoint.EndpointTesting.ScriptedSender;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.testing.MediationHarness;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DigestAuthTest {

    /** RFC 7616 section 3.9.1. */
    @Test
    void rfc7616Examples() {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        String opaque = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
        DigestChallenge sha = DigestChallenge.best(List.of("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
                + " algorithm=SHA-256, nonce=\"" + nonce + "\", opaque=\"" + opaque + "\"",
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, nonce=\"" + nonce
                        + "\", opaque=\"" + opaque + "\""));
        assertEquals("SHA-256", sha.algorithm(), "SHA-256 is preferred");
        String h = sha.authorization("Mufasa", "Circle of Life", "GET", "/dir/index.html", 1, cnonce);
        assertTrue(h.contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""), h);
        assertTrue(h.contains("nc=00000001"), h);
        assertTrue(h.contains("opaque=\"" + opaque + "\""), h);
        DigestChallenge md5 = DigestChallenge.best(List.of("Basic realm=\"x\", Digest realm=\"http-auth@example.org\","
                + " qop=\"auth\", nonce=\"" + nonce + "\", opaque=\"" + opaque + "\""));
        assertEquals("MD5", md5.algorithm());
        assertTrue(md5.authorization("Mufasa", "Circle of Life", "GET", "/dir/index.html", 1, cnonce)
                .contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""));
        assertNull(DigestChallenge.best(List.of("Basic realm=\"x\"")));
    }

    /** A backend enforcing Digest (MD5, qop=auth) that counts nonce uses. */
    static final class DigestBackend {
        final String password;
        String nonce = "n1";
        final Set<String> seenCounts = new HashSet<>();
        int challenges;

        DigestBackend(String password) {
            this.password = password;
        }

        Object handle(OutboundRequest r) {
            String auth = r.headers().get("Authorization");
            if (auth == null || !auth.startsWith("Digest ")) {
                return challenge();
            }
            Map<String, String> p = params(auth);
            String uri = r.uri().getRawPath();
            DigestChallenge c = new DigestChallenge("test", nonce, null, "MD5", true, false);
            String expected = c.authorization(p.get("username"), password, r.method(), uri,
                    Integer.parseInt(p.get("nc"), 16), p.get("cnonce"));
            if (!p.get("nonce").equals(nonce) || !expected.contains("response=\"" + p.get("response") + "\"")
                    || !seenCounts.add(nonce + "/" + p.get("nc"))) {
                return challenge();
            }
            return response(200, "hello " + p.get("username"));
        }

        private Object challenge() {
            challenges++;
            return response(401, "no", "WWW-Authenticate", "Digest realm=\"test\", qop=\"auth\", nonce=\"" + nonce + "\"");
        }

        static Map<String, String> params(String header) {
            Map<String, String> m = new HashMap<>();
            Matcher matcher = Pattern.compile("(\\w+)=(\"([^\"]*)\"|([^,\\s]+))").matcher(header);
            while (matcher.find()) {
                m.put(matcher.group(1), matcher.group(3) != null ? matcher.group(3) : matcher.group(4));
            }
            return m;
        }
    }

    private static Endpoint digest(String password) {
        return endpoint("<endpoint><http uri-template=\"http://d:1/res\"><authentication><digestAuth>"
                + "<username>alice</username><password>" + password + "</password></digestAuth></authentication>"
                + "</http></endpoint>");
    }

    @Test
    void oneChallengeThenOneRoundTripPerRequest() {
        DigestBackend backend = new DigestBackend("secret");
        ScriptedSender sender = new ScriptedSender().on("d:1", backend::handle);
        MediationHarness harness = new MediationHarness().withSender(sender);
        Endpoint ep = digest("secret");
        Outcome first = new Outcome();
        ep.send(harness.request(), first);
        assertEquals("hello alice", first.body());
        assertEquals(2, sender.requests.size());
        for (int i = 0; i < 3; i++) {
            Outcome o = new Outcome();
            ep.send(harness.request(), o);
            assertEquals(200, o.response().status());
        }
        assertEquals(5, sender.requests.size(), "the nonce is reused: one request each");
        assertTrue(sender.requests.get(4).headers().get("Authorization").contains("nc=00000004"));
        backend.nonce = "n2";
        Outcome renewed = new Outcome();
        ep.send(harness.request(), renewed);
        assertEquals(200, renewed.response().status(), "a new nonce is answered once");
    }

    @Test
    void aWrongPasswordGivesTheBackends401() {
        DigestBackend backend = new DigestBackend("secret");
        ScriptedSender sender = new ScriptedSender().on("d:1", backend::handle);
        Outcome o = new Outcome();
        digest("wrong").send(new MediationHarness().withSender(sender).request(), o);
        assertEquals(401, o.response().status());
        assertEquals(2, sender.requests.size(), "no loop");
    }

    @Test
    void basicAuthSendsTheHeader() {
        ScriptedSender sender = new ScriptedSender().ok("b:1");
        Endpoint ep = endpoint("<endpoint><http uri-template=\"http://b:1/\"><authentication><basicAuth>"
                + "<username>Aladdin</username><password>open sesame</password></basicAuth></authentication>"
                + "</http></endpoint>");
        ep.send(new MediationHarness().withSender(sender).request(), new Outcome());
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", sender.requests.get(0).headers().get("Authorization"));
    }
}
