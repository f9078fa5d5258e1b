package io.ganglion.engine.message;

/** Names of the properties Synapse users rely on, in the scope they live in. */
public final class StandardProperties {

    private StandardProperties() {}

    // axis2 scope: transport knobs
    public static final String HTTP_SC = "HTTP_SC";
    public static final String HTTP_SC_DESC = "HTTP_SC_DESC";
    public static final String HTTP_METHOD = "HTTP_METHOD";
    public static final String REST_URL_POSTFIX = "REST_URL_POSTFIX";
    public static final String MESSAGE_TYPE = "messageType";
    public static final String CONTENT_TYPE = "ContentType";
    public static final String FORCE_SC_ACCEPTED = "FORCE_SC_ACCEPTED";
    public static final String NO_ENTITY_BODY = "NO_ENTITY_BODY";
    public static final String DISABLE_CHUNKING = "DISABLE_CHUNKING";
    public static final String NO_KEEPALIVE = "NO_KEEPALIVE";
    public static final String TRANSPORT_HEADERS = "TRANSPORT_HEADERS";
    public static final String TRANSPORT_IN_URL = "TransportInURL";

    // default scope
    public static final String OUT_ONLY = "OUT_ONLY";
    public static final String RESPONSE = "RESPONSE";
    public static final String ERROR_CODE = "ERROR_CODE";
    public static final String ERROR_MESSAGE = "ERROR_MESSAGE";
    public static final String ERROR_DETAIL = "ERROR_DETAIL";
    public static final String ERROR_EXCEPTION = "ERROR_EXCEPTION";
    public static final String SYNAPSE_REST_API = "SYNAPSE_REST_API";
    public static final String SYNAPSE_REST_API_VERSION = "SYNAPSE_REST_API_VERSION";
    public static final String SYNAPSE_RESOURCE = "SYNAPSE_RESOURCE";
    public static final String REST_API_CONTEXT = "REST_API_CONTEXT";
    public static final String REST_METHOD = "REST_METHOD";
    public static final String REST_FULL_REQUEST_PATH = "REST_FULL_REQUEST_PATH";
    public static final String REST_SUB_REQUEST_PATH = "REST_SUB_REQUEST_PATH";
    public static final String REST_URL_PREFIX = "REST_URL_PREFIX";
    public static final String PROXY_NAME = "proxy.name";
    public static final String LAST_ENDPOINT = "last_endpoint";
    public static final String URI_VAR_PREFIX = "uri.var.";
    public static final String QUERY_PARAM_PREFIX = "query.param.";
}
