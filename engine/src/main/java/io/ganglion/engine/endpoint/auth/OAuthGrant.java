package io.ganglion.engine.endpoint.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.engine.endpoint.ErrorCode;
import io.ganglion.engine.message.Headers;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundBody;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.OutboundRequest.SendOptions;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.spi.Sender;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * OAuth 2.0 for backends, as WSO2 MI spells it: a token is fetched from {@code tokenUrl} with the
 * endpoint's grant, kept until it expires ({@code expires_in} less 10 s; 3000 s when the server
 * gives none, WSO2's cache default) and sent as {@code Authorization: Bearer}. A 401 from the
 * backend drops the token, fetches a new one and repeats the request once. Concurrent requests
 * share one token fetch. A token endpoint that fails gives 303003 to the fault path.
 *
 * <pre>{@code
 * <authentication><oauth>
 *   <clientCredentials|passwordCredentials|authorizationCode>
 *     <clientId>id</clientId><clientSecret>${env:SECRET}</clientSecret><tokenUrl>http://.../token</tokenUrl>
 *     (<username/><password/> | <refreshToken/>)?  <authMode>header|payload</authMode>?
 *     <requestParameters><parameter name="scope">read</parameter>*</requestParameters>?
 *     <connectionTimeout/>? <connectionRequestTimeout/>? <socketTimeout/>?
 *   </...>
 * </oauth></authentication>
 * }</pre>
 * Thread-safe: the token and the fetch in progress are swapped atomically under the monitor.
 */
public final class OAuthGrant implements BackendAuth {

    /** The grant types WSO2 supports, by element. */
    public enum Type {
        CLIENT_CREDENTIALS("clientCredentials", "client_credentials"),
        PASSWORD("passwordCredentials", "password"),
        AUTHORIZATION_CODE("authorizationCode", "refresh_token");

        private final String element;
        private final String grantType;

        Type(String element, String grantType) {
            this.element = element;
            this.grantType = grantType;
        }

        public String element() {
            return element;
        }

        public static Type fromElement(String name) {
            for (Type t : values()) {
                if (t.element.equals(name)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** How the client credentials reach the token endpoint. */
    public enum AuthMode {
        HEADER, PAYLOAD
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SKEW_MS = 10_000;
    private static final long DEFAULT_TTL_MS = 3_000_000;
    private static final Duration DEFAULT_TOKEN_TIMEOUT = Duration.ofSeconds(30);

    private final Type type;
    private final Secret clientId;
    private final Secret clientSecret;
    private final String tokenUrl;
    private final Map<String, Secret> grantFields;
    private final AuthMode authMode;
    private final boolean authModeGiven;
    private final Map<String, String> requestParameters;
    private final Map<String, Long> timeouts;

    private Token token;
    private CompletableFuture<Token> fetching;

    private record Token(String value, long expiresAt) {}

    /**
     * @param grantFields {@code username}/{@code password} or {@code refreshToken}, by element name
     * @param authMode null for the default (header)
     * @param timeouts {@code connectionTimeout}, {@code connectionRequestTimeout}, {@code socketTimeout} as given
     */
    public OAuthGrant(Type type, Secret clientId, Secret clientSecret, String tokenUrl, Map<String, Secret> grantFields,
            AuthMode authMode, Map<String, String> requestParameters, Map<String, Long> timeouts) {
        this.type = type;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.tokenUrl = tokenUrl;
        this.grantFields = Map.copyOf(grantFields);
        this.authModeGiven = authMode != null;
        this.authMode = authMode == null ? AuthMode.HEADER : authMode;
        this.requestParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requestParameters));
        this.timeouts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timeouts));
    }

    public Type type() {
        return type;
    }

    public Secret clientId() {
        return clientId;
    }

    public Secret clientSecret() {
        return clientSecret;
    }

    public String tokenUrl() {
        return tokenUrl;
    }

    public Map<String, Secret> grantFields() {
        return grantFields;
    }

    /** The auth mode as configured, or null. */
    public AuthMode authModeGiven() {
        return authModeGiven ? authMode : null;
    }

    public Map<String, String> requestParameters() {
        return requestParameters;
    }

    public Map<String, Long> timeouts() {
        return timeouts;
    }

    @Override
    public void send(MessageContext ctx, OutboundRequest request, Sender sender, SendCallback callback) {
        Clock clock = ctx.runtime().clock();
        token(sender, clock, null).whenComplete((t, err) -> {
            if (err != null) {
                callback.onFailure(authFailure(err));
                return;
            }
            sender.send(BackendAuth.withHeader(request, "Authorization", "Bearer " + t.value()),
                    new SendCallback() {
                        @Override
                        public void onResponse(InboundResponse response) {
                            if (response.status() != 401) {
                                callback.onResponse(response);
                                return;
                            }
                            response.body().discard();
                            token(sender, clock, t).whenComplete((fresh, e2) -> {
                                if (e2 != null) {
                                    callback.onFailure(authFailure(e2));
                                } else {
                                    sender.send(BackendAuth.withHeader(request, "Authorization",
                                            "Bearer " + fresh.value()), callback);
                                }
                            });
                        }

                        @Override
                        public void onFailure(SendFailure failure) {
                            callback.onFailure(failure);
                        }
                    });
        });
    }

    private static SendFailure authFailure(Throwable err) {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        return new SendFailure(ErrorCode.ENDPOINT_AUTH_FAILURE.code(), cause.getMessage(), cause);
    }

    /**
     * A valid token: the cached one, unless it expired or is {@code rejected} (refused by the
     * backend); otherwise the fetch in progress or a new one.
     */
    private synchronized CompletableFuture<Token> token(Sender sender, Clock clock, Token rejected) {
        if (token != null && token != rejected && clock.millis() < token.expiresAt()) {
            return CompletableFuture.completedFuture(token);
        }
        if (token == rejected) {
            token = null;
        }
        if (fetching == null) {
            CompletableFuture<Token> f = new CompletableFuture<>();
            fetching = f;
            fetch(sender, clock, f);
            return f;
        }
        return fetching;
    }

    private synchronized void fetched(CompletableFuture<Token> f, Token t) {
        if (fetching == f) {
            fetching = null;
            token = t;
        }
    }

    private synchronized void failed(CompletableFuture<Token> f) {
        if (fetching == f) {
            fetching = null;
        }
    }

    private void fetch(Sender sender, Clock clock, CompletableFuture<Token> f) {
        StringBuilder form = new StringBuilder("grant_type=").append(enc(type.grantType));
        if (type == Type.PASSWORD) {
            field(form, "username", grantFields.get("username"));
            field(form, "password", grantFields.get("password"));
        } else if (type == Type.AUTHORIZATION_CODE) {
            field(form, "refresh_token", grantFields.get("refreshToken"));
        }
        Headers headers = new Headers().set("Accept", "application/json");
        if (authMode == AuthMode.PAYLOAD) {
            field(form, "client_id", clientId);
            field(form, "client_secret", clientSecret);
        } else {
            String pair = enc(clientId.value()) + ":" + enc(clientSecret.value());
            headers.set("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    pair.getBytes(StandardCharsets.UTF_8)));
        }
        requestParameters.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
        Long socket = timeouts.get("socketTimeout");
        SendOptions options = new SendOptions(socket == null ? DEFAULT_TOKEN_TIMEOUT : Duration.ofMillis(socket),
                false, true);
        OutboundRequest req = new OutboundRequest("POST", URI.create(tokenUrl), headers,
                new OutboundBody.Bytes(form.toString().getBytes(StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded"), options);
        sender.send(req, new SendCallback() {
            @Override
            public void onResponse(InboundResponse response) {
                response.body().readAll(1024 * 1024).whenComplete((bytes, err) -> {
                    try {
                        if (err != null) {
                            throw new IllegalStateException("could not read the token response from " + tokenUrl, err);
                        }
                        Token t = parse(response.status(), bytes, clock.millis());
                        fetched(f, t);
                        f.complete(t);
                    } catch (RuntimeException e) {
                        failed(f);
                        f.completeExceptionally(e);
                    }
                });
            }

            @Override
            public void onFailure(SendFailure failure) {
                failed(f);
                f.completeExceptionally(new IllegalStateException("OAuth token endpoint " + tokenUrl + " failed: "
                        + failure.message(), failure.cause()));
            }
        });
    }

    private Token parse(int status, byte[] bytes, long now) {
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (status / 100 != 2) {
            throw new IllegalStateException("OAuth token endpoint " + tokenUrl + " answered " + status + ": "
                    + abbreviate(body));
        }
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("OAuth token endpoint " + tokenUrl + " did not answer JSON: "
                    + abbreviate(body), e);
        }
        JsonNode access = json == null ? null : json.get("access_token");
        if (access == null || !access.isTextual() || access.asText().isEmpty()) {
            throw new IllegalStateException("OAuth token endpoint " + tokenUrl + " answered without an access_token");
        }
        JsonNode type = json.get("token_type");
        if (type != null && !type.asText().toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new IllegalStateException("OAuth token endpoint " + tokenUrl + " issued a '" + type.asText()
                    + "' token; only bearer tokens are supported");
        }
        JsonNode expires = json.get("expires_in");
        long ttl = expires != null && expires.canConvertToLong() ? expires.asLong() * 1000 : DEFAULT_TTL_MS;
        return new Token(access.asText(), now + Math.max(0, ttl - SKEW_MS));
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static void field(StringBuilder form, String name, Secret value) {
        if (value != null) {
            form.append('&').append(name).append('=').append(enc(value.value()));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
