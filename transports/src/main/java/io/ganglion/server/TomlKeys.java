package io.ganglion.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.transport.tls.HostnameVerification;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys deployment.toml may hold, with their types and ranges. Nested tables become dotted keys
 * ({@code [transport.http] listener.port} is {@code transport.http.listener.port}); an array of
 * tables ({@code [[gateway.environment]]}) has a schema of its own. Thread-safe: immutable.
 */
final class TomlKeys {

    private enum Kind { STRING, INTEGER, BOOLEAN, CHOICE, TABLES }

    private record Key(Kind kind, long min, long max, List<String> choices, Map<String, Key> fields) {
        static Key string() {
            return new Key(Kind.STRING, 0, 0, List.of(), Map.of());
        }

        static Key integer(long min, long max) {
            return new Key(Kind.INTEGER, min, max, List.of(), Map.of());
        }

        static Key bool() {
            return new Key(Kind.BOOLEAN, 0, 0, List.of(), Map.of());
        }

        static Key choice(String... values) {
            return new Key(Kind.CHOICE, 0, 0, List.of(values), Map.of());
        }

        static Key tables(Map<String, Key> fields) {
            return new Key(Kind.TABLES, 0, 0, List.of(), fields);
        }
    }

    private static final long MILLIS = Integer.MAX_VALUE;
    private static final String[] VERIFIERS = Arrays.stream(HostnameVerification.values())
            .map(HostnameVerification::configName).toArray(String[]::new);

    private static final Map<String, Key> KEYS = Map.ofEntries(
            Map.entry("server.hostname", Key.string()),
            Map.entry("transport.worker_pool_size", Key.integer(1, 4096)),
            Map.entry("transport.http.buffer_size", Key.integer(1024, 16L * 1024 * 1024)),
            Map.entry("transport.http.listener.host", Key.string()),
            Map.entry("transport.http.listener.port", Key.integer(0, 65535)),
            Map.entry("transport.http.listener.max_body_size", Key.integer(1, Integer.MAX_VALUE - 8)),
            Map.entry("transport.http.listener.request_timeout", Key.integer(1, MILLIS)),
            Map.entry("transport.http.listener.idle_timeout", Key.integer(1, MILLIS)),
            Map.entry("transport.http.listener.max_connections", Key.integer(1, 1_000_000)),
            Map.entry("transport.http.listener.max_request_line", Key.integer(64, 1024 * 1024)),
            Map.entry("transport.http.listener.max_header_size", Key.integer(256, 1024 * 1024)),
            Map.entry("transport.http.listener.max_header_count", Key.integer(1, 10_000)),
            Map.entry("transport.http.sender.connect_timeout", Key.integer(1, MILLIS)),
            Map.entry("transport.http.sender.socket_timeout", Key.integer(1, MILLIS)),
            Map.entry("transport.http.sender.idle_timeout", Key.integer(1, MILLIS)),
            Map.entry("transport.http.sender.max_connections", Key.integer(1, 100_000)),
            Map.entry("transport.http.sender.max_per_route", Key.integer(1, 100_000)),
            Map.entry("transport.https.listener.enabled", Key.bool()),
            Map.entry("transport.https.listener.port", Key.integer(0, 65535)),
            Map.entry("transport.https.listener.keystore.file", Key.string()),
            Map.entry("transport.https.listener.keystore.password", Key.string()),
            Map.entry("transport.https.sender.truststore.file", Key.string()),
            Map.entry("transport.https.sender.truststore.password", Key.string()),
            Map.entry("transport.https.sender.hostname_verifier", Key.choice(VERIFIERS)),
            Map.entry("transport.passthru_https.sender.parameters.HostnameVerifier", Key.choice(VERIFIERS)),
            Map.entry("gateway.environment", Key.tables(Map.of(
                    "name", Key.string(),
                    "type", Key.choice("production", "sandbox", "hybrid"),
                    "description", Key.string(),
                    "http_endpoint", Key.string(),
                    "https_endpoint", Key.string()))));

    private TomlKeys() {}

    /** Every known key (for documentation checks). */
    static Set<String> names() {
        return KEYS.keySet();
    }

    /** Turns nested tables into dotted keys; known keys (even tables) stay whole. */
    static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            if (f.getValue().isObject() && !KEYS.containsKey(key)) {
                flatten(key, f.getValue(), out);
            } else {
                out.put(key, f.getValue());
            }
        }
    }

    /** Fails with a message naming {@code name} unless it is a known key with a fitting value. */
    static void check(String name, JsonNode value) throws StartupException {
        Key key = KEYS.get(name);
        if (key == null) {
            throw error("unknown key '" + name + "'");
        }
        check(name, key, value);
    }

    private static void check(String name, Key key, JsonNode value) throws StartupException {
        switch (key.kind) {
            case STRING -> {
                if (!value.isTextual()) {
                    throw error("'" + name + "' must be a string, not " + value);
                }
                if (value.asText().isBlank()) {
                    throw error("'" + name + "' must not be empty");
                }
            }
            case CHOICE -> {
                if (!value.isTextual() || key.choices.stream().noneMatch(c -> c.equalsIgnoreCase(value.asText().trim()))) {
                    throw error("'" + name + "' must be one of " + String.join(", ", key.choices) + ", not " + value);
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw error("'" + name + "' must be true or false, not " + value);
                }
            }
            case INTEGER -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw error("'" + name + "' must be an integer, not " + value);
                }
                long v = value.asLong();
                if (v < key.min || v > key.max) {
                    throw error("'" + name + "' must be between " + key.min + " and " + key.max + ", not " + v);
                }
            }
            case TABLES -> checkTables(name, key, value);
        }
    }

    private static void checkTables(String name, Key key, JsonNode value) throws StartupException {
        if (!value.isArray()) {
            throw error("'" + name + "' must be an array of tables ([[" + name + "]]), not " + value);
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            String at = name + "[" + i + "]";
            if (!entry.isObject()) {
                throw error("'" + at + "' must be a table, not " + entry);
            }
            for (Map.Entry<String, JsonNode> f : entry.properties()) {
                Key field = key.fields.get(f.getKey());
                if (field == null) {
                    throw error("unknown key '" + at + "." + f.getKey() + "'");
                }
                check(at + "." + f.getKey(), field, f.getValue());
            }
        }
    }

    private static StartupException error(String message) {
        return new StartupException(DeploymentToml.FILE + ": " + message);
    }
}
