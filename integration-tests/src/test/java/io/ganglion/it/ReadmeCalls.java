package io.ganglion.it;

import io.ganglion.transport.http.listener.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calls a sample's README documents, read from the table of its "## Call it" section: a row
 * {@code | `curl ...` | `200` `Header: value` `{"body":...}` remarks |} gives the request and what the
 * answer must be. In the answer the first {@code `NNN`} is the status, {@code `Name: value`} spans are
 * headers whose value must start as given, and the first span starting with {@code {}, {@code [} or
 * {@code <} is the whole body, where {@code ...} stands for any text. Thread-safe: immutable.
 */
final class ReadmeCalls {

    private static final Pattern SPAN = Pattern.compile("`([^`]*)`");
    private static final Pattern STATUS = Pattern.compile("\\d{3}");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9-]*): (.+)");

    private ReadmeCalls() {}

    /** One documented call: the curl command, where it is written, and the expected answer. */
    record Call(String where, String command, Curl request, int status, Map<String, String> headers,
            Pattern body, String bodyAsWritten) {}

    /** What a curl command line asks for. */
    record Curl(String method, String target, Map<String, String> headers, String body) {}

    /** Every documented call of {@code readme}, in order. */
    static List<Call> read(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Call> calls = new ArrayList<>();
        boolean inSection = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## ")) {
                inSection = line.trim().equalsIgnoreCase("## Call it");
            } else if (inSection && line.startsWith("| `curl ")) {
                calls.add(row(readme.getFileName() + ":" + (i + 1), line));
            }
        }
        return calls;
    }

    private static Call row(String where, String line) {
        // Cells are split on " | " so that a '|' inside a curl argument or a body does not split them.
        int end = line.indexOf("` | ");
        if (end < 0) {
            throw new IllegalArgumentException(where + ": a call row needs | `curl ...` | answer |");
        }
        String command = line.substring(3, end);
        String answer = line.substring(end + 4);
        Integer status = null;
        Map<String, String> headers = new LinkedHashMap<>();
        String body = null;
        Matcher m = SPAN.matcher(answer);
        while (m.find()) {
            String span = m.group(1);
            Matcher h = HEADER.matcher(span);
            if (status == null && STATUS.matcher(span).matches()) {
                status = Integer.parseInt(span);
            } else if (body == null && !span.isEmpty() && "{[<".indexOf(span.charAt(0)) >= 0) {
                body = span;
            } else if (h.matches()) {
                headers.put(h.group(1), h.group(2));
            }
        }
        if (status == null) {
            throw new IllegalArgumentException(where + ": the answer names no status (`200`): " + answer);
        }
        return new Call(where, command, curl(where, command), status, headers, body == null ? null : pattern(body),
                body);
    }

    /** {@code ...} matches any text; everything else literally. */
    private static Pattern pattern(String body) {
        StringBuilder regex = new StringBuilder();
        String[] parts = body.split("\\.\\.\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Parses the curl options the READMEs use; anything else fails the test rather than being ignored. */
    static Curl curl(String where, String command) {
        List<String> words = words(command);
        if (words.isEmpty() || !words.get(0).equals("curl")) {
            throw new IllegalArgumentException(where + ": not a curl command: " + command);
        }
        String method = null;
        String url = null;
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-i", "-s", "-si", "-is", "-sS", "--include", "--silent" -> { }
                case "-X", "--request" -> method = words.get(++i);
                case "-H", "--header" -> {
                    String h = words.get(++i);
                    int colon = h.indexOf(':');
                    headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
                }
                case "-d", "--data", "--data-raw", "--data-binary" -> body = words.get(++i);
                default -> {
                    if (w.startsWith("-") || url != null) {
                        throw new IllegalArgumentException(where + ": unsupported curl argument '" + w + "'");
                    }
                    url = w;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException(where + ": no URL in " + command);
        }
        String rest = url.replaceFirst("^https?://", "");
        int slash = rest.indexOf('/');
        String target = slash < 0 ? "/" : rest.substring(slash);
        if (body != null && headers.keySet().stream().noneMatch(n -> n.equalsIgnoreCase("Content-Type"))) {
            headers.put("Content-Type", "application/x-www-form-urlencoded"); // what curl -d sends
        }
        return new Curl(method != null ? method : body != null ? "POST" : "GET", target, headers, body);
    }

    /** Splits a shell command line: single quotes verbatim, double quotes with backslash escapes. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
                continue;
            }
            if (w == null) {
                w = new StringBuilder();
            }
            if (c == '\'') {
                int close = command.indexOf('\'', i + 1);
                w.append(command, i + 1, close);
                i = close;
            } else if (c == '"') {
                for (i++; command.charAt(i) != '"'; i++) {
                    char d = command.charAt(i);
                    w.append(d == '\\' ? command.charAt(++i) : d);
                }
            } else if (c == '\\') {
                w.append(command.charAt(++i));
            } else {
                w.append(c);
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }

    /** Sends {@code curl} to the gateway on 127.0.0.1:{@code port} as curl would, on a fresh connection. */
    static RawClient.Response send(Curl curl, int port) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + port);
        headers.put("User-Agent", "curl/8.5.0");
        headers.put("Accept", "*/*");
        curl.headers().forEach((name, value) -> {
            headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
            headers.put(name, value);
        });
        byte[] body = curl.body() == null ? new byte[0] : curl.body().getBytes(StandardCharsets.UTF_8);
        if (curl.body() != null) {
            headers.put("Content-Length", String.valueOf(body.length));
        }
        StringBuilder head = new StringBuilder(curl.method()).append(' ').append(curl.target()).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        wire.writeBytes(body);
        try (RawClient client = new RawClient(port)) {
            client.send(wire.toByteArray());
            return client.read(curl.method().toUpperCase(Locale.ROOT).equals("HEAD"));
        }
    }
}
