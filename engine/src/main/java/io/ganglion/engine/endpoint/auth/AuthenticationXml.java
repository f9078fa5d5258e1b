package io.ganglion.engine.endpoint.auth;

import io.ganglion.engine.endpoint.request.TargetUri;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes {@code <authentication>} inside an {@code http} endpoint: {@code basicAuth},
 * {@code digestAuth} or {@code oauth} (see {@link BasicAuth}, {@link DigestAuth}, {@link OAuthGrant}).
 * Thread-safe: stateless.
 */
public final class AuthenticationXml {

    private AuthenticationXml() {}

    /** Reads {@code <authentication>}. */
    public static BackendAuth read(OMElement el, ReadContext ctx) {
        List<OMElement> children = ReadContext.children(el);
        if (children.size() != 1 || !ReadContext.isSynapse(children.get(0))) {
            throw ctx.error(el, "<authentication> holds exactly one of <basicAuth>, <digestAuth> or <oauth>");
        }
        OMElement c = children.get(0);
        switch (c.getLocalName()) {
            case "basicAuth":
                return new BasicAuth(secret(c, "username", ctx), secret(c, "password", ctx));
            case "digestAuth":
                return new DigestAuth(secret(c, "username", ctx), secret(c, "password", ctx));
            case "oauth":
                return oauth(c, ctx);
            default:
                throw ctx.error(c, "unknown authentication <" + c.getLocalName()
                        + ">; expected <basicAuth>, <digestAuth> or <oauth>");
        }
    }

    private static OAuthGrant oauth(OMElement el, ReadContext ctx) {
        List<OMElement> grants = ReadContext.children(el);
        if (grants.size() != 1) {
            throw ctx.error(el, "<oauth> holds exactly one of <clientCredentials>, <passwordCredentials> or"
                    + " <authorizationCode>");
        }
        OMElement g = grants.get(0);
        OAuthGrant.Type type = OAuthGrant.Type.fromElement(g.getLocalName());
        if (type == null) {
            throw ctx.error(g, "unknown OAuth grant <" + g.getLocalName()
                    + ">; expected <clientCredentials>, <passwordCredentials> or <authorizationCode>");
        }
        Map<String, Secret> fields = new LinkedHashMap<>();
        if (type == OAuthGrant.Type.PASSWORD) {
            fields.put("username", secret(g, "username", ctx));
            fields.put("password", secret(g, "password", ctx));
        } else if (type == OAuthGrant.Type.AUTHORIZATION_CODE) {
            fields.put("refreshToken", secret(g, "refreshToken", ctx));
        }
        String tokenUrl = text(g, "tokenUrl", ctx);
        if (!TargetUri.isHttp(tokenUrl)) {
            throw ctx.error(ReadContext.child(g, "tokenUrl"), "<tokenUrl> must be an absolute http or https URL, not '"
                    + tokenUrl + "'");
        }
        OAuthGrant.AuthMode mode = null;
        OMElement modeEl = ReadContext.child(g, "authMode");
        if (modeEl != null) {
            String m = ReadContext.text(modeEl).toLowerCase(Locale.ROOT);
            if (!m.equals("header") && !m.equals("payload")) {
                throw ctx.error(modeEl, "<authMode> must be header or payload, not '" + ReadContext.text(modeEl) + "'");
            }
            mode = m.equals("header") ? OAuthGrant.AuthMode.HEADER : OAuthGrant.AuthMode.PAYLOAD;
        }
        Map<String, String> params = new LinkedHashMap<>();
        OMElement rp = ReadContext.child(g, "requestParameters");
        if (rp != null) {
            for (OMElement p : ReadContext.childrenNamed(rp, "parameter")) {
                params.put(ctx.requiredAttribute(p, "name"), literal(p, ReadContext.text(p), ctx));
            }
        }
        Map<String, Long> timeouts = new LinkedHashMap<>();
        for (String t : List.of("connectionTimeout", "connectionRequestTimeout", "socketTimeout")) {
            OMElement te = ReadContext.child(g, t);
            if (te != null) {
                try {
                    timeouts.put(t, Long.parseLong(ReadContext.text(te)));
                } catch (NumberFormatException e) {
                    throw ctx.error(te, "<" + t + "> must be a number of milliseconds, not '"
                            + ReadContext.text(te) + "'");
                }
            }
        }
        Set<String> known = Set.of("clientId", "clientSecret", "tokenUrl", "authMode", "requestParameters", "username",
                "password", "refreshToken", "connectionTimeout", "connectionRequestTimeout", "socketTimeout",
                "useGlobalConnectionTimeoutConfigs");
        for (OMElement c : ReadContext.children(g)) {
            if (!known.contains(c.getLocalName())) {
                throw ctx.error(c, "unexpected <" + c.getLocalName() + "> in <" + g.getLocalName() + ">");
            }
        }
        return new OAuthGrant(type, secret(g, "clientId", ctx), secret(g, "clientSecret", ctx), tokenUrl, fields, mode,
                params, timeouts);
    }

    private static String text(OMElement parent, String name, ReadContext ctx) {
        OMElement e = ReadContext.child(parent, name);
        if (e == null || ReadContext.text(e).isEmpty()) {
            throw ctx.error(parent, "<" + parent.getLocalName() + "> needs <" + name + ">");
        }
        return literal(e, ReadContext.text(e), ctx);
    }

    private static String literal(OMElement at, String value, ReadContext ctx) {
        if (value.startsWith("{") && value.endsWith("}")) {
            throw ctx.error(at, "dynamic values ('" + value + "') are not supported in <authentication>; give the"
                    + " value, or ${env:NAME} to read it from the environment");
        }
        return value;
    }

    private static Secret secret(OMElement parent, String name, ReadContext ctx) {
        String text = text(parent, name, ctx);
        try {
            return Secret.of(text);
        } catch (IllegalArgumentException e) {
            throw ctx.error(ReadContext.child(parent, name), "<" + name + ">: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ writing

    /** Writes {@code auth} as an {@code <authentication>} child of {@code parent}. */
    public static void write(BackendAuth auth, OMElement parent, WriteContext ctx) {
        OMElement a = ctx.element("authentication", parent);
        if (auth instanceof BasicAuth b) {
            OMElement e = ctx.element("basicAuth", a);
            text(ctx, e, "username", b.username().configured());
            text(ctx, e, "password", b.password().configured());
        } else if (auth instanceof DigestAuth d) {
            OMElement e = ctx.element("digestAuth", a);
            text(ctx, e, "username", d.username().configured());
            text(ctx, e, "password", d.password().configured());
        } else if (auth instanceof OAuthGrant o) {
            OMElement g = ctx.element(o.type().element(), ctx.element("oauth", a));
            text(ctx, g, "clientId", o.clientId().configured());
            text(ctx, g, "clientSecret", o.clientSecret().configured());
            o.grantFields().forEach((k, v) -> text(ctx, g, k, v.configured()));
            text(ctx, g, "tokenUrl", o.tokenUrl());
            if (o.authModeGiven() != null) {
                text(ctx, g, "authMode", o.authModeGiven().name().toLowerCase(Locale.ROOT));
            }
            if (!o.requestParameters().isEmpty()) {
                OMElement rp = ctx.element("requestParameters", g);
                o.requestParameters().forEach((k, v) -> {
                    OMElement p = ctx.element("parameter", rp);
                    ctx.attribute(p, "name", k);
                    p.setText(v);
                });
            }
            o.timeouts().forEach((k, v) -> text(ctx, g, k, String.valueOf(v)));
        }
    }

    private static void text(WriteContext ctx, OMElement parent, String name, String value) {
        ctx.element(name, parent).setText(value);
    }
}
