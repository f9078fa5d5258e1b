package io.ganglion.engine.rest;

import io.ganglion.engine.message.MessageContext;
import java.util.List;

/**
 * Matches requests to APIs and resources. PLACEHOLDER until the REST dispatch lands.
 * Thread-safe: immutable.
 */
public final class ApiDispatcher {

    private final List<Api> apis;

    public ApiDispatcher(List<Api> apis) {
        this.apis = List.copyOf(apis);
    }

    /**
     * Matches a request.
     *
     * @param ctx the request message; on a match the REST properties are set on it
     * @param method HTTP method
     * @param path the decoded-at-dispatch request path (no query)
     * @param query the raw query string without '?', or null
     * @param host the Host header's host part, or null
     * @param port the listener port
     */
    public Dispatch dispatch(MessageContext ctx, String method, String path, String query, String host, int port) {
        return apis.isEmpty() ? Dispatch.NO_API : Dispatch.NO_API;
    }
}
