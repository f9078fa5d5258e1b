package io.ganglion.engine.xpath;

/** An expression failed while being evaluated against a message (e.g. an unknown variable). */
public final class XPathEvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XPathEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
