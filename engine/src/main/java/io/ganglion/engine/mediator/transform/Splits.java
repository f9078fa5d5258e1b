package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.message.MessageContext;

/**
 * The properties clone and iterate put on each copy so that aggregate can group the responses and
 * knows how many to expect. Names as in Synapse (including its spelling), suffixed with
 * {@code .id} when the splitter has an id.
 */
final class Splits {

    /** The parent message's ID: identifies one split. */
    static final String CORRELATION = "aggregateCorelation";
    /** {@code i/N}: this copy's 0-based position and the number of copies. */
    static final String SEQUENCE = "messageSequence";

    private Splits() {}

    static String correlationProperty(String id) {
        return id == null ? CORRELATION : CORRELATION + "." + id;
    }

    static String sequenceProperty(String id) {
        return id == null ? SEQUENCE : SEQUENCE + "." + id;
    }

    /** Marks {@code copy} as number {@code i} of {@code n} split from {@code parentId}. */
    static void tag(MessageContext copy, String id, String parentId, int i, int n) {
        copy.setProperty(correlationProperty(id), parentId);
        copy.setProperty(sequenceProperty(id), i + "/" + n);
    }

    /** The N of an {@code i/N} property value, or -1 when absent or malformed. */
    static int total(Object sequence) {
        if (sequence == null) {
            return -1;
        }
        String s = sequence.toString();
        int slash = s.indexOf('/');
        try {
            return slash < 0 ? -1 : Integer.parseInt(s.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
