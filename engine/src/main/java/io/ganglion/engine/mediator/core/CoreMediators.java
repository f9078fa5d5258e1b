package io.ganglion.engine.mediator.core;

import io.ganglion.engine.mediator.MediatorXml;
import java.util.List;

/** The core mediators' XML types (log, property, header, filter, switch, send, call, ...). */
public final class CoreMediators {

    private CoreMediators() {}

    /** Every core mediator's XML type. */
    public static List<MediatorXml<?>> all() {
        return List.of(
                new LogMediatorXml(),
                new PropertyMediatorXml(),
                new HeaderMediatorXml(),
                new FilterMediatorXml(),
                new SwitchMediatorXml(),
                new SequenceMediatorXml(),
                new InMediatorXml(),
                new OutMediatorXml(),
                new SendMediatorXml(),
                new CallMediatorXml(),
                new RespondMediatorXml(),
                new DropMediatorXml(),
                new LoopbackMediatorXml(),
                new CallTemplateMediatorXml());
    }
}
