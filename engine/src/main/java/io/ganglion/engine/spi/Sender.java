package io.ganglion.engine.spi;

/**
 * Delivers requests to backends. Implemented by transports; the engine never opens sockets.
 * Thread-safe; {@link #send} returns at once and reports through the callback.
 */
public interface Sender {

    /** Sends the request and reports the response or failure to {@code callback}. */
    void send(OutboundRequest request, SendCallback callback);
}
