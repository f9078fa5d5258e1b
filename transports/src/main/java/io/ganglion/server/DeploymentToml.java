package io.ganglion.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.ganglion.transport.http.ListenerConfig;
import io.ganglion.transport.http.SenderConfig;
import io.ganglion.transport.tls.HostnameVerification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code conf/deployment.toml}. Every key is checked against {@link TomlKeys}: a misspelt or
 * mistyped key stops the server rather than being ignored. Timeouts are milliseconds, sizes bytes.
 * docs/configuration.md lists every key with its default. Thread-safe: stateless.
 */
public final class DeploymentToml {

    static final String FILE = "deployment.toml";
    private static final String ENVIRONMENT = "gateway.environment";
    private static final String VERIFIER = "transport.https.sender.hostname_verifier";
    private static final String WSO2_VERIFIER = "transport.passthru_https.sender.parameters.HostnameVerifier";

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
        TomlKeys.flatten("", root, values);
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            TomlKeys.check(e.getKey(), e.getValue());
        }
        Values v = new Values(values);
        ServerConfig d = ServerConfig.DEFAULT;
        ListenerConfig l = d.listener();
        SenderConfig s = d.sender();
        long maxBody = v.integer("transport.http.listener.max_body_size", l.maxBodySize());
        int buffer = (int) v.integer("transport.http.buffer_size", l.bufferSize());
        boolean https = v.bool("transport.https.listener.enabled", true);
        ListenerConfig listener = new ListenerConfig(
                v.string("transport.http.listener.host", l.host()),
                (int) v.integer("transport.http.listener.port", l.port()),
                https ? (int) v.integer("transport.https.listener.port", l.httpsPort()) : -1,
                maxBody,
                v.millis("transport.http.listener.request_timeout", l.requestTimeout()),
                v.millis("transport.http.listener.idle_timeout", l.idleTimeout()),
                (int) v.integer("transport.http.listener.max_connections", l.maxConnections()),
                (int) v.integer("transport.http.listener.max_request_line", l.maxRequestLine()),
                (int) v.integer("transport.http.listener.max_header_size", l.maxHeaderSize()),
                (int) v.integer("transport.http.listener.max_header_count", l.maxHeaderCount()),
                buffer);
        SenderConfig sender = new SenderConfig(
                v.millis("transport.http.sender.connect_timeout", s.connectTimeout()),
                v.millis("transport.http.sender.socket_timeout", s.socketTimeout()),
                (int) v.integer("transport.http.sender.max_connections", s.maxConnections()),
                (int) v.integer("transport.http.sender.max_per_route", s.maxPerRoute()),
                maxBody,
                v.millis("transport.http.sender.idle_timeout", s.idleTimeout()),
                buffer);
        TlsSettings t = d.tls();
        TlsSettings tls = new TlsSettings(
                v.string("transport.https.listener.keystore.file", t.keystoreFile()),
                v.string("transport.https.listener.keystore.password", t.keystorePassword()),
                v.string("transport.https.sender.truststore.file", t.truststoreFile()),
                v.string("transport.https.sender.truststore.password", t.truststorePassword()),
                verifier(values));
        return new ServerConfig(v.string("server.hostname", d.hostname()),
                (int) v.integer("transport.worker_pool_size", d.workerPoolSize()), listener, sender, tls,
                environments(values.get(ENVIRONMENT)));
    }

    /** The host name verifier, from our key or WSO2's; both must agree when both are given. */
    private static HostnameVerification verifier(Map<String, JsonNode> values) throws StartupException {
        JsonNode ours = values.get(VERIFIER);
        JsonNode wso2 = values.get(WSO2_VERIFIER);
        HostnameVerification a = ours == null ? null : HostnameVerification.parse(ours.asText());
        HostnameVerification b = wso2 == null ? null : HostnameVerification.parse(wso2.asText());
        if (a != null && b != null && a != b) {
            throw new StartupException(FILE + ": '" + VERIFIER + "' (" + a.configName() + ") and '" + WSO2_VERIFIER
                    + "' (" + b.configName() + ") disagree; set one of them");
        }
        return a != null ? a : b != null ? b : HostnameVerification.DEFAULT;
    }

    private static List<GatewayEnvironment> environments(JsonNode array) throws StartupException {
        List<GatewayEnvironment> list = new ArrayList<>();
        if (array == null) {
            return list;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode e = array.get(i);
            String at = ENVIRONMENT + "[" + i + "]";
            String name = text(e, "name");
            if (name == null) {
                throw new StartupException(FILE + ": '" + at + ".name' is required");
            }
            String type = text(e, "type");
            String http = text(e, "http_endpoint");
            String https = text(e, "https_endpoint");
            if (http == null && https == null) {
                throw new StartupException(FILE + ": '" + at + "' (" + name + ") needs http_endpoint or https_endpoint");
            }
            List<String> known = List.of(GatewayEnvironment.HOSTNAME, GatewayEnvironment.HTTP_PORT,
                    GatewayEnvironment.HTTPS_PORT);
            for (String key : List.of("http_endpoint", "https_endpoint")) {
                String unknown = GatewayEnvironment.unknownVariable(text(e, key), known);
                if (unknown != null) {
                    throw new StartupException(FILE + ": '" + at + "." + key + "' uses ${" + unknown
                            + "}; known variables are ${server.hostname}, ${http.nio.port} and ${https.nio.port}");
                }
            }
            list.add(new GatewayEnvironment(name, type == null ? GatewayEnvironment.Type.HYBRID
                    : GatewayEnvironment.Type.parse(type), text(e, "description"), http, https));
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null ? null : v.asText().trim();
    }

    /** Typed access to the checked values, with defaults. */
    private record Values(Map<String, JsonNode> values) {
        String string(String key, String fallback) {
            JsonNode v = values.get(key);
            return v == null ? fallback : v.asText().trim();
        }

        long integer(String key, long fallback) {
            JsonNode v = values.get(key);
            return v == null ? fallback : v.asLong();
        }

        boolean bool(String key, boolean fallback) {
            JsonNode v = values.get(key);
            return v == null ? fallback : v.asBoolean();
        }

        Duration millis(String key, Duration fallback) {
            JsonNode v = values.get(key);
            return v == null ? fallback : Duration.ofMillis(v.asLong());
        }
    }
}
