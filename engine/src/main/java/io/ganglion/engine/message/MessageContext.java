package io.ganglion.engine.message;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.Continuation;
import io.ganglion.engine.mediator.FaultHandler;
import io.ganglion.engine.runtime.Exchange;
import io.ganglion.engine.runtime.MediationFlow;
import io.ganglion.engine.runtime.MediationRuntime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One message (request or response) being mediated: properties in Synapse's scopes, transport
 * headers, the lazily built payload, addressing fields and the fault-handler stack.
 *
 * <p>Not thread-safe: confined to one flow at a time (a worker runs it; an asynchronous send hands
 * it on to the worker that handles the response).
 */
public final class MessageContext {

    private final Configuration config;
    private final MediationRuntime runtime;
    private final Exchange exchange;
    private final Map<String, Object> properties;
    private final Map<String, Object> axis2;
    private Headers headers;
    private Payload payload;
    private String to;
    private String replyTo;
    private String faultTo;
    private String from;
    private String soapAction;
    private String messageId;
    private String relatesTo;
    private boolean response;
    private boolean faultResponse;
    private MediationFlow flow;
    private final ArrayDeque<FaultHandler> faultStack;
    private final ArrayDeque<Map<String, Object>> templateParams;
    private List<Continuation> continuations;
    private boolean suspended;

    public MessageContext(Configuration config, MediationRuntime runtime, Exchange exchange) {
        this.config = config;
        this.runtime = runtime;
        this.exchange = exchange;
        this.properties = new HashMap<>();
        this.axis2 = new HashMap<>();
        this.headers = new Headers();
        this.payload = Payload.of((io.ganglion.engine.spi.RawBody) null);
        this.faultStack = new ArrayDeque<>(4);
        this.templateParams = new ArrayDeque<>(2);
    }

    private MessageContext(MessageContext o, boolean deepPayload) {
        this.config = o.config;
        this.runtime = o.runtime;
        this.exchange = o.exchange;
        this.properties = new HashMap<>(o.properties);
        this.axis2 = new HashMap<>(o.axis2);
        this.headers = o.headers.copy();
        this.payload = deepPayload ? o.payload.copy() : o.payload;
        this.to = o.to;
        this.replyTo = o.replyTo;
        this.faultTo = o.faultTo;
        this.from = o.from;
        this.soapAction = o.soapAction;
        this.messageId = o.messageId;
        this.relatesTo = o.relatesTo;
        this.response = o.response;
        this.faultResponse = o.faultResponse;
        this.flow = o.flow;
        this.faultStack = new ArrayDeque<>(o.faultStack);
        this.templateParams = new ArrayDeque<>(o.templateParams);
        this.continuations = null;
    }

    /** An independent copy (clone/iterate): properties, headers and payload are copied. */
    public MessageContext copy() {
        MessageContext c = new MessageContext(this, true);
        c.messageId = null;
        return c;
    }

    /** A copy that shares the payload object; used for the response context of a send. */
    public MessageContext copyForResponse() {
        return new MessageContext(this, false);
    }

    public Configuration config() {
        return config;
    }

    public MediationRuntime runtime() {
        return runtime;
    }

    /** The client exchange this message belongs to (shared by its copies and responses). */
    public Exchange exchange() {
        return exchange;
    }

    // ---- properties ----

    /** A default-scope property, or null. */
    public Object getProperty(String name) {
        return properties.get(name);
    }

    public void setProperty(String name, Object value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
    }

    public void removeProperty(String name) {
        properties.remove(name);
    }

    /** The default-scope properties (live view). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** An axis2-scope property, or null. */
    public Object getAxis2Property(String name) {
        return axis2.get(name);
    }

    public void setAxis2Property(String name, Object value) {
        if (value == null) {
            axis2.remove(name);
        } else {
            axis2.put(name, value);
        }
    }

    /** The axis2-scope properties (live view). */
    public Map<String, Object> axis2Properties() {
        return axis2;
    }

    /** Reads a property from any scope (transport reads a header; func reads template params). */
    public Object getProperty(Scope scope, String name) {
        switch (scope) {
            case DEFAULT:
                return properties.get(name);
            case AXIS2:
            case AXIS2_CLIENT:
                if (StandardProperties.TRANSPORT_HEADERS.equals(name)) {
                    return headers.toMap();
                }
                return axis2.get(name);
            case TRANSPORT:
                return headers.get(name);
            case SYSTEM:
                return System.getProperty(name);
            case FUNC:
                return templateParam(name);
            case REGISTRY:
                return config.localEntryValue(name);
            default:
                return null;
        }
    }

    /** Sets (or with a null value removes) a property in a writable scope. */
    public void setProperty(Scope scope, String name, Object value) {
        switch (scope) {
            case DEFAULT:
                setProperty(name, value);
                break;
            case AXIS2:
            case AXIS2_CLIENT:
                setAxis2Property(name, value);
                break;
            case TRANSPORT:
                if (value == null) {
                    headers.remove(name);
                } else {
                    headers.set(name, String.valueOf(value));
                }
                break;
            default:
                throw new IllegalArgumentException("scope " + scope.xmlName() + " is read-only");
        }
    }

    // ---- transport headers and payload ----

    /** The transport (HTTP) headers of this message. */
    public Headers headers() {
        return headers;
    }

    public void setHeaders(Headers headers) {
        this.headers = headers;
    }

    public Payload payload() {
        return payload;
    }

    public void setPayload(Payload payload) {
        this.payload = payload;
    }

    // ---- addressing ----

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public void setReplyTo(String replyTo) {
        this.replyTo = replyTo;
    }

    public String getFaultTo() {
        return faultTo;
    }

    public void setFaultTo(String faultTo) {
        this.faultTo = faultTo;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getSoapAction() {
        return soapAction;
    }

    public void setSoapAction(String soapAction) {
        this.soapAction = soapAction;
    }

    public String getMessageId() {
        // Made on first use: most messages never ask, and a random UUID costs a SecureRandom draw.
        if (messageId == null) {
            messageId = "urn:uuid:" + UUID.randomUUID();
        }
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getRelatesTo() {
        return relatesTo;
    }

    public void setRelatesTo(String relatesTo) {
        this.relatesTo = relatesTo;
    }

    /** True for a response, or when the RESPONSE property is "true" (as Synapse). */
    public boolean isResponse() {
        return response || "true".equalsIgnoreCase(String.valueOf(properties.get(StandardProperties.RESPONSE)));
    }

    public void setResponse(boolean response) {
        this.response = response;
    }

    public boolean isFaultResponse() {
        return faultResponse;
    }

    public void setFaultResponse(boolean faultResponse) {
        this.faultResponse = faultResponse;
    }

    // ---- flow, faults, templates, continuations ----

    /** The API resource or proxy service this message is mediated for, or null (main sequence). */
    public MediationFlow flow() {
        return flow;
    }

    public void setFlow(MediationFlow flow) {
        this.flow = flow;
    }

    /** The fault-handler stack; the top handles the next fault. */
    public Deque<FaultHandler> faultStack() {
        return faultStack;
    }

    public void pushFaultHandler(FaultHandler handler) {
        faultStack.push(handler);
    }

    /** Template parameters of the innermost call-template, or null. */
    public Object templateParam(String name) {
        Map<String, Object> top = templateParams.peek();
        return top == null ? null : top.get(name);
    }

    public void pushTemplateParams(Map<String, Object> params) {
        templateParams.push(params);
    }

    public void popTemplateParams() {
        templateParams.poll();
    }

    /**
     * Marks the flow as suspended: a mediator (call) has started an asynchronous operation and the
     * enclosing lists must save where to resume instead of running on.
     */
    public void suspend() {
        this.suspended = true;
    }

    public boolean isSuspended() {
        return suspended;
    }

    /** Clears the suspended flag and hands over the saved frames, innermost first. */
    public List<Continuation> takeContinuations() {
        suspended = false;
        List<Continuation> c = continuations == null ? List.of() : continuations;
        continuations = null;
        return c;
    }

    /** Called by list mediators while unwinding a suspension. */
    public void addContinuation(Continuation frame) {
        if (continuations == null) {
            continuations = new ArrayList<>(4);
        }
        continuations.add(frame);
    }
}
