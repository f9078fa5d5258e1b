package io.ganglion.engine.mediator.core;

import io.ganglion.engine.message.MessageContext;
import java.util.function.BiConsumer;

/** The WS-Addressing fields a header mediator sets by their unqualified name. Thread-safe: immutable. */
public enum AddressingField {
    TO("To", MessageContext::setTo),
    FROM("From", MessageContext::setFrom),
    ACTION("Action", MessageContext::setSoapAction),
    FAULT_TO("FaultTo", MessageContext::setFaultTo),
    REPLY_TO("ReplyTo", MessageContext::setReplyTo),
    RELATES_TO("RelatesTo", MessageContext::setRelatesTo),
    MESSAGE_ID("MessageID", MessageContext::setMessageId);

    private final String xmlName;
    private final BiConsumer<MessageContext, String> setter;

    AddressingField(String xmlName, BiConsumer<MessageContext, String> setter) {
        this.xmlName = xmlName;
        this.setter = setter;
    }

    public String xmlName() {
        return xmlName;
    }

    /** Sets the field, or clears it when {@code value} is null. */
    public void set(MessageContext ctx, String value) {
        setter.accept(ctx, value);
    }

    /** The field named exactly {@code name}, or null. */
    public static AddressingField of(String name) {
        for (AddressingField f : values()) {
            if (f.xmlName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
