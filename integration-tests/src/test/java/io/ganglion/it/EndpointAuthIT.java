package io.ganglion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.engine.endpoint.auth.DigestChallenge;
import io.ganglion.it.ScriptedBackend.Answer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Backend authentication against backends that enforce it. */
class EndpointAuthIT {

    private static TestRepo repo(String name, String authentication, String url) {
        return EndpointFailoverIT.api(TestRepo.create(), name, "EP").endpoint("EP",
                "<endpoint xmlns=\"http://ws.apache.org/ns/synapse\" name=\"EP\"><http method=\"get\" uri-template=\""
                        + url + "\"><authentication>" + authentication + "</authentication></http></endpoint>");
    }

    @Test
    void basicAuthAndAWrongPassword() {
        String good = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        try (ScriptedBackend backend = ScriptedBackend.start("basic", r -> good.equals(r.header("Authorization"))
                ? Answer.ok("welcome") : Answer.status(401, "who?").header("WWW-Authenticate", "Basic realm=\"t\""))) {
            try (Gateway gw = Gateway.start(repo("basic", "<basicAuth><username>alice</username><password>s3cret"
                    + "</password></basicAuth>", backend.url("/r")))) {
                assertEquals("welcome", Http.get(gw.url("/basic")).body());
            }
            try (Gateway gw = Gateway.start(repo("basic", "<basicAuth><username>alice</username><password>wrong"
                    + "</password></basicAuth>", backend.url("/r")))) {
                HttpResponse<String> r = Http.get(gw.url("/basic"));
                assertEquals(401, r.statusCode(), "the backend's 401 reaches the client");
                assertEquals("who?", r.body());
            }
        }
    }

    /** RFC 7616 Digest with SHA-256 and qop=auth; refuses reused nonce counts. */
    private static final class DigestServer implements ScriptedBackend.Handler {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public Answer handle(ScriptedBackend.Request r) {
            String auth = r.header("Authorization");
            if (auth != null && auth.startsWith("Digest ")) {
                Map<String, String> p = params(auth);
                DigestChallenge c = new DigestChallenge("gw-test", "abc123", "op", "SHA-256", true, false);
                String expected = c.authorization(p.get("username"), "s3cret", r.method(), r.uri(),
                        Integer.parseInt(p.get("nc"), 16), p.get("cnonce"));
                if ("abc123".equals(p.get("nonce")) && expected.contains("response=\"" + p.get("response") + "\"")
                        && seen.add(p.get("nc"))) {
                    return Answer.ok("digest ok " + p.get("nc"));
                }
            }
            return Answer.status(401, "digest please").header("WWW-Authenticate",
                    "Digest realm=\"gw-test\", qop=\"auth\", algorithm=SHA-256, nonce=\"abc123\", opaque=\"op\"");
        }

        private static Map<String, String> params(String header) {
            Map<String, String> m = new HashMap<>();
            Matcher matcher = Pattern.compile("(\\w+)=(\"([^\"]*)\"|([^,\\s]+))").matcher(header);
            while (matcher.find()) {
                m.put(matcher.group(1), matcher.group(3) != null ? matcher.group(3) : matcher.group(4));
            }
            return m;
        }
    }

    @Test
    void digestAuthReusesTheNonceAndAWrongPasswordGets401() {
        try (ScriptedBackend backend = ScriptedBackend.start("digest", new DigestServer())) {
            try (Gateway gw = Gateway.start(repo("digest", "<digestAuth><username>alice</username><password>s3cret"
                    + "</password></digestAuth>", backend.url("/r?x=1")))) {
                for (int i = 1; i <= 3; i++) {
                    HttpResponse<String> r = Http.get(gw.url("/digest"));
                    assertEquals(200, r.statusCode(), r.body());
                    assertEquals("digest ok 0000000" + i, r.body());
                }
                assertEquals(4, backend.count(), "one challenge, then one round trip per request");
            }
            backend.requests.clear();
            try (Gateway gw = Gateway.start(repo("digest", "<digestAuth><username>alice</username><password>nope"
                    + "</password></digestAuth>", backend.url("/r")))) {
                HttpResponse<String> r = Http.get(gw.url("/digest"));
                assertEquals(401, r.statusCode());
                assertEquals(2, backend.count(), "answered once, then the 401 goes back: no loop");
            }
        }
    }

    @Test
    void oauthClientCredentialsFetchesOneTokenAndRefreshesOn401() {
        String clientAuth = "Basic " + Base64.getEncoder().encodeToString("app:app-secret".getBytes(StandardCharsets.UTF_8));
        int[] issued = {0};
        String[] valid = {"token-1"};
        try (ScriptedBackend tokens = ScriptedBackend.start("tokens", r -> {
            if (!clientAuth.equals(r.header("Authorization")) || !r.text().contains("grant_type=client_credentials")) {
                return Answer.status(401, "{\"error\":\"invalid_client\"}");
            }
            synchronized (issued) {
                issued[0]++;
                return new Answer(200, "application/json", "{\"access_token\":\"token-" + issued[0]
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}", Map.of(), 0);
            }
        }); ScriptedBackend api = ScriptedBackend.start("api", r -> ("Bearer " + valid[0]).equals(r.header("Authorization"))
                ? Answer.ok("data for " + valid[0]) : Answer.status(401, "bad token"))) {
            String oauth = "<oauth><clientCredentials><clientId>app</clientId><clientSecret>app-secret</clientSecret>"
                    + "<tokenUrl>" + tokens.url("/token") + "</tokenUrl></clientCredentials></oauth>";
            try (Gateway gw = Gateway.start(repo("oauth", oauth, api.url("/data")))) {
                for (int i = 0; i < 3; i++) {
                    assertEquals("data for token-1", Http.get(gw.url("/oauth")).body());
                }
                assertEquals(1, tokens.count(), "the token is cached");
                valid[0] = "token-2";
                assertEquals("data for token-2", Http.get(gw.url("/oauth")).body(), "a 401 refreshes the token");
                assertEquals(2, tokens.count());
                assertTrue(api.requests.stream().allMatch(r -> r.header("Authorization").startsWith("Bearer ")));
            }
        }
    }
}
