package io.ganglion.engine.spi;

/**
 * Why a send produced no response, classified with a Synapse error code (see {@code ErrorCode}).
 *
 * @param errorCode Synapse error code, e.g. 101503 for a refused connection
 * @param message a short human-readable description naming the target
 * @param cause the underlying exception, may be null
 */
public record SendFailure(int errorCode, String message, Throwable cause) {}
