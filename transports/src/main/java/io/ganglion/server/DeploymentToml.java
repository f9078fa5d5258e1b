package io.ganglion.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.ganglion.transport.http.ListenerConfig;
import io.ganglion.transport.http.SenderConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code conf/deployment.toml}. Every key is checked against the known ones: a misspelt or
 * mistyped key stops the server rather than being ignored. Timeouts are milliseconds, sizes bytes.
 *
 * <pre>
 * [server]
 * hostname = "localhost"
 * [transport]
 * worker_pool_size = 64
 * [transport.http]
 * listener.host = "0.0.0.0"
 * listener.port = 8280
 * listener.max_body_size = 16777216
 * listener.request_timeout = 180000
 * sender.connect_timeout = 10000
 * sender.socket_timeout = 60000
 * sender.max_connections = 200
 * sender.max_per_route = 50
 * </pre>
 * Thread-safe: stateless.
 */
public final class DeploymentToml {

    static final String FILE = "deployment.toml";

    private enum Kind { STRING, INTEGER }

    private record Key(Kind kind, long min, long max) {}

    private static final Map<String, Key> KEYS = Map.of(
            "server.hostname", new Key(Kind.STRING, 0, 0),
            "transport.worker_pool_size", new Key(Kind.INTEGER, 1, 4096),
            "transport.http.listener.host", new Key(Kind.STRING, 0, 0),
            "transport.http.listener.port", new Key(Kind.INTEGER, 0, 65535),
            "transport.http.listener.max_body_size", new Key(Kind.INTEGER, 1, Integer.MAX_VALUE - 8),
            "transport.http.listener.request_timeout", new Key(Kind.INTEGER, 1, Integer.MAX_VALUE),
            "transport.http.sender.connect_timeout", new Key(Kind.INTEGER, 1, Integer.MAX_VALUE),
            "transport.http.sender.socket_timeout", new Key(Kind.INTEGER, 1, Integer.MAX_VALUE),
            "transport.http.sender.max_connections", new Key(Kind.INTEGER, 1, 100_000),
            "transport.http.sender.max_per_route", new Key(Kind.INTEGER, 1, 100_000));

    private DeploymentToml() {}

    /** Reads {@code file}; a missing file means all defaults. */
    public static ServerConfig read(Path file) throws StartupException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return ServerConfig.DEFAULT;
        } catch (IOException e) {
            throw new StartupException(FILE + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text);
    }

    /** Parses the text of a deployment.toml. */
    public static ServerConfig parse(String toml) throws StartupException {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(toml);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ":";
            throw new StartupException(FILE + ":" + where + " " + e.getOriginalMessage(), e);
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        flatten("", root, values);
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            check(e.getKey(), e.getValue());
        }
        ServerConfig d = ServerConfig.DEFAULT;
        ListenerConfig l = d.listener();
        SenderConfig s = d.sender();
        long maxBody = integer(values, "transport.http.listener.max_body_size", l.maxBodySize());
        ListenerConfig listener = new ListenerConfig(
                string(values, "transport.http.listener.host", l.host()),
                (int) integer(values, "transport.http.listener.port", l.port()),
                maxBody,
                millis(values, "transport.http.listener.request_timeout", l.requestTimeout()),
                l.idleTimeout());
        SenderConfig sender = new SenderConfig(
                millis(values, "transport.http.sender.connect_timeout", s.connectTimeout()),
                millis(values, "transport.http.sender.socket_timeout", s.socketTimeout()),
                (int) integer(values, "transport.http.sender.max_connections", s.maxConnections()),
                (int) integer(values, "transport.http.sender.max_per_route", s.maxPerRoute()),
                maxBody);
        return new ServerConfig(string(values, "server.hostname", d.hostname()),
                (int) integer(values, "transport.worker_pool_size", d.workerPoolSize()), listener, sender);
    }

    /** Turns nested tables into dotted keys: {@code [transport.http] listener.port} is one key. */
    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            String key = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            if (f.getValue().isObject() && !KEYS.containsKey(key)) {
                flatten(key, f.getValue(), out);
            } else {
                out.put(key, f.getValue());
            }
        }
    }

    private static void check(String name, JsonNode value) throws StartupException {
        Key key = KEYS.get(name);
        if (key == null) {
            throw new StartupException(FILE + ": unknown key '" + name + "'");
        }
        if (key.kind == Kind.STRING) {
            if (!value.isTextual()) {
                throw new StartupException(FILE + ": '" + name + "' must be a string, not " + value);
            }
            if (value.asText().isBlank()) {
                throw new StartupException(FILE + ": '" + name + "' must not be empty");
            }
            return;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new StartupException(FILE + ": '" + name + "' must be an integer, not " + value);
        }
        long v = value.asLong();
        if (v < key.min || v > key.max) {
            throw new StartupException(FILE + ": '" + name + "' must be between " + key.min + " and " + key.max
                    + ", not " + v);
        }
    }

    private static String string(Map<String, JsonNode> values, String key, String fallback) {
        JsonNode v = values.get(key);
        return v == null ? fallback : v.asText().trim();
    }

    private static long integer(Map<String, JsonNode> values, String key, long fallback) {
        JsonNode v = values.get(key);
        return v == null ? fallback : v.asLong();
    }

    private static Duration millis(Map<String, JsonNode> values, String key, Duration fallback) {
        JsonNode v = values.get(key);
        return v == null ? fallback : Duration.ofMillis(v.asLong());
    }
}
