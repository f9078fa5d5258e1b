package io.ganglion.engine.endpoint.auth;

import io.ganglion.engine.endpoint.health.TargetHealth;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.spi.InboundResponse;
import io.ganglion.engine.spi.OutboundRequest;
import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;
import io.ganglion.engine.spi.Sender;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP Digest authentication (RFC 7616). The first request to a backend goes without credentials
 * and answers the 401 challenge once; the nonce is then kept per backend and reused with an
 * increasing nonce count, so later requests cost one round trip. A stale or replaced nonce is
 * answered once more; a 401 after that (wrong password) reaches the client as it is.
 *
 * <pre>{@code
 * <authentication><digestAuth><username>u</username><password>p</password></digestAuth></authentication>
 * }</pre>
 * (WSO2 has no digest element in endpoint XML; this spelling mirrors {@code basicAuth}.)
 * Thread-safe: the nonce table is concurrent; counts are atomic.
 */
public final class DigestAuth implements BackendAuth {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Secret username;
    private final Secret password;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A nonce in use and its count. */
    private record Session(DigestChallenge challenge, AtomicInteger nc) {}

    public DigestAuth(Secret username, Secret password) {
        this.username = username;
        this.password = password;
    }

    public Secret username() {
        return username;
    }

    public Secret password() {
        return password;
    }

    @Override
    public void send(MessageContext ctx, OutboundRequest request, Sender sender, SendCallback callback) {
        String key = TargetHealth.keyOf(request.uri());
        Session session = sessions.get(key);
        if (session == null) {
            sender.send(request, new Challenged(key, request, sender, callback, null));
        } else {
            sender.send(authorized(request, session), new Challenged(key, request, sender, callback, session));
        }
    }

    private OutboundRequest authorized(OutboundRequest request, Session s) {
        String uri = request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty() ? "/"
                : request.uri().getRawPath();
        if (request.uri().getRawQuery() != null) {
            uri += "?" + request.uri().getRawQuery();
        }
        String header = s.challenge().authorization(username.value(), password.value(), request.method(), uri,
                s.nc().incrementAndGet(), cnonce());
        return BackendAuth.withHeader(request, "Authorization", header);
    }

    private static String cnonce() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Answers one 401 challenge, then hands every outcome on. */
    private final class Challenged implements SendCallback {
        private final String key;
        private final OutboundRequest request;
        private final Sender sender;
        private final SendCallback callback;
        private final Session used;

        Challenged(String key, OutboundRequest request, Sender sender, SendCallback callback, Session used) {
            this.key = key;
            this.request = request;
            this.sender = sender;
            this.callback = callback;
            this.used = used;
        }

        @Override
        public void onResponse(InboundResponse response) {
            if (response.status() == 401) {
                DigestChallenge c = DigestChallenge.best(response.headers().getAll("WWW-Authenticate"));
                boolean fresh = used == null || c != null && (c.stale() || !c.nonce().equals(used.challenge().nonce()));
                if (c != null && fresh) {
                    Session s = new Session(c, new AtomicInteger());
                    sessions.put(key, s);
                    response.body().discard();
                    // The retry is final: its 401, if any, is the answer.
                    sender.send(authorized(request, s), callback);
                    return;
                }
                if (used != null) {
                    sessions.remove(key, used);
                }
            }
            callback.onResponse(response);
        }

        @Override
        public void onFailure(SendFailure failure) {
            callback.onFailure(failure);
        }
    }
}
