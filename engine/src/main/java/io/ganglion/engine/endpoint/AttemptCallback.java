package io.ganglion.engine.endpoint;

import io.ganglion.engine.spi.SendCallback;
import io.ganglion.engine.spi.SendFailure;

/**
 * The callback a group endpoint (failover, loadbalance) gives its children: besides the outcome it
 * learns which method went out, whether a failure may be retried elsewhere, and when a timeout with
 * {@code responseAction discard} ended the attempt without any outcome. Endpoints that pass a
 * callback on (references, templates) pass it unchanged, so these reach the group.
 * Thread-safe: implementations are called from I/O threads and must not block.
 */
public interface AttemptCallback extends SendCallback {

    /** The leaf is about to send a request with this HTTP method. */
    default void requestMethod(String method) {}

    /**
     * The attempt failed.
     *
     * @param retryable false when the leaf's {@code retryConfig} forbids retrying this error code
     */
    void onFailure(SendFailure failure, boolean retryable);

    @Override
    default void onFailure(SendFailure failure) {
        onFailure(failure, true);
    }

    /** The endpoint timed out with {@code responseAction discard}: no response and no fault. */
    void onDiscarded();
}
