package io.ganglion.engine.spi;

import java.io.IOException;

/** A body exceeded the size the engine may buffer; the client gets 413. */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(long limit) {
        super("body exceeds the limit of " + limit + " bytes");
    }
}
