package io.ganglion.engine.rest;

import java.util.Set;

/** The outcome of matching a request against the deployed APIs. */
public sealed interface Dispatch {

    /** A resource matched; the dispatcher has set the REST properties, uri.var.* and query.param.*. */
    record Matched(Api api, Resource resource) implements Dispatch {}

    /** No API's context matches: the request goes to the main sequence. */
    record NoApi() implements Dispatch {}

    /** An API matched but none of its resources: 404, or the resource-mismatch sequence. */
    record NoResource(Api api) implements Dispatch {}

    /** A resource matches the path but not the method: 405 with Allow. */
    record MethodNotAllowed(Api api, Set<String> allowed) implements Dispatch {}

    /** An OPTIONS request no resource handles itself: 200 (or 204) with Allow. */
    record Options(Api api, Set<String> allowed) implements Dispatch {}

    /** The API matched but is BLOCKED: 503 with WSO2's code 700700. */
    record Blocked(Api api) implements Dispatch {}

    /** Only an API that is not served (CREATED or RETIRED) matches: 404. */
    record NotServed(Api api) implements Dispatch {}

    Dispatch NO_API = new NoApi();
}
