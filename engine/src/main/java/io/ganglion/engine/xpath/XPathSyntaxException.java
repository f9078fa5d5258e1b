package io.ganglion.engine.xpath;

/** An expression failed to compile; readers turn it into a located configuration error. */
public final class XPathSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XPathSyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
