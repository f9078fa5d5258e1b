package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import java.util.List;

/** The core mediators' XML types (log, property, header, filter, switch, send, call, ...). */
public final class CoreMediators {

    private CoreMediators() {}

    /** Every core mediator's XML type. */
    public static List<MediatorXml<?>> all() {
        return List.of();
    }
}
