package io.ganglion.engine.rest;

import io.ganglion.engine.config.Location;
import io.ganglion.engine.mediator.Mediator;
import io.ganglion.engine.mediator.script.ScriptMediator;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.StandardProperties;
import io.ganglion.engine.message.format.ContentTypes;
import io.ganglion.engine.message.format.MessageBuilder;
import java.nio.charset.StandardCharsets;

/**
 * A resource's mock answer, written as {@code <prototype language="js">script</prototype>} (or with
 * {@code key}/{@code function}, as {@code <script>}), as WSO2's prototype template runs it: the
 * script sets the payload ({@code mc.setPayloadJSON}/{@code setPayloadXML}) and the default-scope
 * properties {@code HTTP_SC} (default 200) and {@code CONTENT_TYPE} (else the message's messageType,
 * else {@code application/json}); then the gateway answers. Path and query values are the usual
 * {@code uri.var.*} and {@code query.param.*} properties; {@code AcceptHeader} holds the request's
 * Accept header, as WSO2's generated scripts expect. A resource of a PROTOTYPED API with neither a
 * script nor sequences answers 501. Thread-safe: immutable.
 */
public final class PrototypeImplementation implements Mediator {

    /** The default-scope property a mock script sets to choose the status. */
    public static final String HTTP_SC = "HTTP_SC";
    /** The default-scope property a mock script sets to choose the content type. */
    public static final String CONTENT_TYPE = "CONTENT_TYPE";
    /** The default-scope property holding the request's Accept header. */
    public static final String ACCEPT_HEADER = "AcceptHeader";

    private static final byte[] NOT_IMPLEMENTED = "{\"code\":501,\"description\":\"Not Implemented\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final ScriptMediator script;
    private final Location location;

    private PrototypeImplementation(ScriptMediator script, Location location) {
        this.script = script;
        this.location = location;
    }

    /** An implementation running {@code script}, written at {@code location}. */
    public static PrototypeImplementation of(ScriptMediator script, Location location) {
        return new PrototypeImplementation(script, location);
    }

    /** The 501 answer of a prototyped resource nobody implemented; not written back to XML. */
    public static PrototypeImplementation notImplemented(Location location) {
        return new PrototypeImplementation(null, location);
    }

    /** The script, or null for the not-implemented stand-in. */
    public ScriptMediator script() {
        return script;
    }

    /** True for the stand-in that answers 501. */
    public boolean isNotImplemented() {
        return script == null;
    }

    /** Where the {@code <prototype>} element (or, for the stand-in, the resource) is. */
    public Location location() {
        return location;
    }

    @Override
    public boolean readsBody() {
        return script != null;
    }

    @Override
    public boolean mediate(MessageContext ctx) {
        if (script == null) {
            ctx.payload().setEnvelope(MessageBuilder.build(NOT_IMPLEMENTED, ContentTypes.JSON));
            answer(ctx, 501, ContentTypes.JSON);
            return false;
        }
        if (ctx.getProperty(ACCEPT_HEADER) == null) {
            ctx.setProperty(ACCEPT_HEADER, ctx.headers().get("Accept"));
        }
        script.mediate(ctx);
        Object status = ctx.getProperty(HTTP_SC);
        if (status == null) {
            status = ctx.getAxis2Property(StandardProperties.HTTP_SC);
        }
        Object type = ctx.getProperty(CONTENT_TYPE);
        if (type == null) {
            type = ctx.getAxis2Property(StandardProperties.MESSAGE_TYPE);
        }
        answer(ctx, status == null ? 200 : status, type == null ? ContentTypes.JSON : type.toString());
        return false;
    }

    private static void answer(MessageContext ctx, Object status, String contentType) {
        ctx.setAxis2Property(StandardProperties.HTTP_SC, status.toString().trim());
        ctx.setAxis2Property(StandardProperties.MESSAGE_TYPE, contentType);
        ctx.setAxis2Property(StandardProperties.CONTENT_TYPE, contentType);
        ctx.setAxis2Property(StandardProperties.NO_ENTITY_BODY, null);
        ctx.runtime().respond(ctx);
    }
}
