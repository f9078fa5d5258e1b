package io.ganglion.engine.spi;

/**
 * Receives the outcome of one send. Exactly one method is called, once, possibly on an I/O
 * thread: implementations must not block; they hand work to the engine's workers.
 */
public interface SendCallback {

    /** The backend answered (any status). */
    void onResponse(InboundResponse response);

    /** No response: connection, timeout or protocol failure. */
    void onFailure(SendFailure failure);
}
