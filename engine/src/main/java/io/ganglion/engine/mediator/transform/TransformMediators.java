package io.ganglion.engine.mediator.transform;

import io.ganglion.engine.mediator.MediatorXml;
import java.util.List;

/** The transformation and splitting mediators' XML types (payloadFactory, enrich, xslt, clone, ...). */
public final class TransformMediators {

    private TransformMediators() {}

    /** Every transform mediator's XML type. */
    public static List<MediatorXml<?>> all() {
        return List.of(
                new PayloadFactoryMediatorXml(),
                new EnrichMediatorXml(),
                new MakeFaultMediatorXml(),
                new XsltMediatorXml(),
                new CloneMediatorXml(),
                new IterateMediatorXml(),
                new AggregateMediatorXml(),
                new ClassMediatorXml());
    }
}
