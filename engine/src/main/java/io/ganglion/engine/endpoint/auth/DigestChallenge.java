package io.ganglion.engine.endpoint.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code WWW-Authenticate: Digest ...} challenge (RFC 7616) and the response to it: MD5 and
 * SHA-256 (and their {@code -sess} variants), with {@code qop=auth} or, for old servers, no qop.
 * Thread-safe: immutable.
 *
 * @param realm the realm
 * @param nonce the server nonce
 * @param opaque echoed back, or null
 * @param algorithm {@code MD5}, {@code MD5-sess}, {@code SHA-256} or {@code SHA-256-sess}
 * @param qopAuth whether the server offered {@code qop=auth}
 * @param stale whether the server says the previous nonce merely expired
 */
public record DigestChallenge(String realm, String nonce, String opaque, String algorithm, boolean qopAuth,
        boolean stale) {

    /**
     * The best challenge among the {@code WWW-Authenticate} values (SHA-256 before MD5), or null when
     * none is a Digest challenge this client can answer.
     */
    public static DigestChallenge best(List<String> headerValues) {
        DigestChallenge best = null;
        for (String v : headerValues) {
            int at = indexOfScheme(v);
            while (at >= 0) {
                Map<String, String> params = new LinkedHashMap<>();
                int end = parseParams(v, at + "digest".length(), params);
                DigestChallenge c = from(params);
                if (c != null && (best == null || rank(c) > rank(best))) {
                    best = c;
                }
                int next = indexOfScheme(v.substring(end));
                at = next < 0 ? -1 : end + next;
            }
        }
        return best;
    }

    private static int rank(DigestChallenge c) {
        return c.algorithm.startsWith("SHA-256") ? 2 : 1;
    }

    private static int indexOfScheme(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        int i = lower.indexOf("digest");
        while (i >= 0) {
            boolean startOk = i == 0 || lower.charAt(i - 1) == ' ' || lower.charAt(i - 1) == ',';
            boolean endOk = i + 6 < lower.length() && lower.charAt(i + 6) == ' ';
            if (startOk && endOk) {
                return i;
            }
            i = lower.indexOf("digest", i + 1);
        }
        return -1;
    }

    /** Parses {@code key=value, key="quoted"} pairs until a token that starts another scheme. */
    private static int parseParams(String s, int from, Map<String, String> out) {
        int i = from;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int keyStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ' ' && s.charAt(i) != ',') {
                i++;
            }
            if (i >= n || s.charAt(i) != '=') {
                return keyStart;
            }
            String key = s.substring(keyStart, i).trim().toLowerCase(Locale.ROOT);
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',') {
                    value.append(s.charAt(i++));
                }
            }
            out.put(key, value.toString().trim());
        }
        return n;
    }

    private static DigestChallenge from(Map<String, String> p) {
        String nonce = p.get("nonce");
        if (nonce == null) {
            return null;
        }
        String alg = p.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        if (!alg.equals("MD5") && !alg.equals("MD5-SESS") && !alg.equals("SHA-256") && !alg.equals("SHA-256-SESS")) {
            return null;
        }
        alg = alg.replace("-SESS", "-sess");
        String qop = p.get("qop");
        boolean auth = false;
        if (qop != null) {
            for (String q : qop.split(",")) {
                auth |= q.trim().equalsIgnoreCase("auth");
            }
            if (!auth) {
                return null; // auth-int only: we do not hash bodies
            }
        }
        return new DigestChallenge(p.getOrDefault("realm", ""), nonce, p.get("opaque"), alg, auth,
                "true".equalsIgnoreCase(p.get("stale")));
    }

    /**
     * The Authorization header value for one request.
     *
     * @param uri the request target as sent (path and query)
     * @param nc the nonce count (1 for the first use of this nonce)
     * @param cnonce a fresh client nonce
     */
    public String authorization(String username, String password, String method, String uri, int nc, String cnonce) {
        String hashName = algorithm.startsWith("SHA-256") ? "SHA-256" : "MD5";
        String ha1 = hash(hashName, username + ":" + realm + ":" + password);
        if (algorithm.endsWith("-sess")) {
            ha1 = hash(hashName, ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = hash(hashName, method + ":" + uri);
        String ncText = String.format("%08x", nc);
        String response = qopAuth ? hash(hashName, ha1 + ":" + nonce + ":" + ncText + ":" + cnonce + ":auth:" + ha2)
                : hash(hashName, ha1 + ":" + nonce + ":" + ha2);
        StringBuilder sb = new StringBuilder("Digest username=\"").append(quote(username))
                .append("\", realm=\"").append(quote(realm))
                .append("\", nonce=\"").append(quote(nonce))
                .append("\", uri=\"").append(quote(uri))
                .append("\", algorithm=").append(algorithm)
                .append(", response=\"").append(response).append('"');
        if (qopAuth) {
            sb.append(", qop=auth, nc=").append(ncText).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (opaque != null) {
            sb.append(", opaque=\"").append(quote(opaque)).append('"');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static String hash(String algorithm, String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
