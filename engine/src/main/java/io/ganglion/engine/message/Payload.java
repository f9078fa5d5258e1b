package io.ganglion.engine.message;

import io.ganglion.engine.message.format.MessageBuilder;
import io.ganglion.engine.spi.BodyTooLargeException;
import io.ganglion.engine.spi.RawBody;
import java.util.concurrent.CompletionException;
import org.apache.axiom.om.OMElement;
import org.apache.axiom.soap.SOAPEnvelope;

/**
 * A message body, kept as the wire bytes until a mediator needs the XML, then built once.
 *
 * <p>POX and JSON bodies are carried inside a SOAP 1.1 envelope, as Synapse does, so every
 * mediator sees one shape. Not thread-safe: confined to one message.
 */
public final class Payload {

    /** How much of a body the engine buffers to build it, unless configured otherwise. */
    public static final long DEFAULT_BUILD_LIMIT = 16L * 1024 * 1024;

    private RawBody raw;
    private SOAPEnvelope envelope;
    private long buildLimit = DEFAULT_BUILD_LIMIT;
    private String sourceContentType;
    private Object wireView;

    private Payload(RawBody raw, SOAPEnvelope envelope) {
        this.raw = raw;
        this.envelope = envelope;
    }

    /** A payload over an unread wire body. */
    public static Payload of(RawBody raw) {
        return new Payload(raw == null ? RawBody.empty() : raw, null);
    }

    /** A payload over an envelope built by the engine. */
    public static Payload of(SOAPEnvelope envelope) {
        return new Payload(null, envelope);
    }

    /** True once the body has been parsed (or was produced by a mediator). */
    public boolean isBuilt() {
        return envelope != null;
    }

    /** The unread wire body; null once the payload has been built or replaced. */
    public RawBody raw() {
        return envelope == null ? raw : null;
    }

    /** True when there is a non-empty wire body or a built envelope. */
    public boolean hasBody() {
        return envelope != null || (raw != null && raw.length() != 0);
    }

    public void setBuildLimit(long limit) {
        this.buildLimit = limit;
    }

    /**
     * The envelope, building it from the wire body on first use. May wait for the body's bytes:
     * call only from a worker thread (the engine reads bodies ahead for sequences that need them).
     *
     * @throws PayloadException when the body is malformed or over a limit
     */
    public SOAPEnvelope envelope() {
        if (envelope == null) {
            byte[] bytes = readBytes();
            String contentType = raw == null ? null : raw.contentType();
            envelope = MessageBuilder.build(bytes, contentType);
            sourceContentType = contentType;
            raw = null;
            wireView = null;
        }
        return envelope;
    }

    /** The wire bytes (reading them if needed); only valid before the payload is built. */
    public byte[] readBytes() {
        if (raw == null) {
            return new byte[0];
        }
        try {
            return raw.readAll(buildLimit).toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BodyTooLargeException) {
                throw new PayloadException(413, cause.getMessage(), cause);
            }
            throw new PayloadException(400, "could not read the message body: " + cause, cause);
        }
    }

    /** Replaces the whole envelope. */
    public void setEnvelope(SOAPEnvelope envelope) {
        this.envelope = envelope;
        this.raw = null;
        this.wireView = null;
    }

    /**
     * The Content-Type of the wire body the envelope was built from, or null (not built yet, or
     * produced by the engine). Lets the formatter answer SOAP with SOAP when nothing else says.
     */
    public String sourceContentType() {
        return envelope == null ? null : sourceContentType;
    }

    /**
     * A parsed view of the still unbuilt wire body (json-eval keeps its JSON tree here so that
     * several expressions parse the bytes once), or null. Dropped when the payload is built.
     */
    public Object wireView() {
        return envelope == null ? wireView : null;
    }

    /** Keeps a parsed view of the unbuilt wire body; see {@link #wireView()}. */
    public void setWireView(Object view) {
        this.wireView = envelope == null ? view : null;
    }

    /** The first child of the SOAP body (the POX or JSON root), or null when the body is empty. */
    public OMElement firstElement() {
        return envelope().getBody().getFirstElement();
    }

    /** Replaces the body's children with {@code element} (or empties it when null). */
    public void setFirstElement(OMElement element) {
        var body = envelope().getBody();
        OMElement first;
        while ((first = body.getFirstElement()) != null) {
            first.detach();
        }
        if (element != null) {
            body.addChild(element);
        }
    }

    /** An independent copy: the envelope is cloned, wire bytes are shared (they are immutable). */
    public Payload copy() {
        if (envelope != null) {
            Payload p = of(MessageBuilder.cloneEnvelope(envelope));
            p.sourceContentType = sourceContentType;
            return p;
        }
        Payload p = new Payload(raw, null);
        p.buildLimit = buildLimit;
        return p;
    }
}
