package io.ganglion.engine.mediator.script;

import io.ganglion.engine.mediator.MediatorXml;
import java.util.List;

/** The scripting mediators' XML types ({@code <script>}). */
public final class ScriptMediators {

    private ScriptMediators() {}

    /** Every scripting mediator's XML type, on the shared runtime. */
    public static List<MediatorXml<?>> all() {
        return List.of(new ScriptMediatorXml());
    }
}
