package io.ganglion.engine.mediator.script;

import io.ganglion.engine.config.Configuration;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.message.MessageContext;
import io.ganglion.engine.message.format.MessageFormatter;
import io.ganglion.engine.spi.OutboundBody;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Test helpers: script mediators read from XML on a private runtime, and formatted payloads. */
final class Scripts {

    static final String NS = "xmlns=\"http://ws.apache.org/ns/synapse\"";

    private Scripts() {}

    /** A runtime with the default settings (1 s budget, no Java). */
    static RhinoRuntime runtime() {
        return new RhinoRuntime(ScriptSettings.defaults());
    }

    /** A runtime with a short budget, for endless-loop tests. */
    static RhinoRuntime runtime(Duration budget, String... allowedClasses) {
        return new RhinoRuntime(new ScriptSettings(budget, List.of(allowedClasses)));
    }

    /** Reads a {@code <script>} element. */
    static ScriptMediator read(RhinoRuntime runtime, String scriptXml) {
        ReadContext ctx = ReadContext.forText("seq.xml", scriptXml);
        return new ScriptMediatorXml(runtime).read(ctx.root(), ctx);
    }

    /** An inline script mediator for {@code js}. */
    static ScriptMediator inline(RhinoRuntime runtime, String js) {
        return read(runtime, "<script " + NS + " language=\"js\"><![CDATA[" + js + "]]></script>");
    }

    /** The message's payload as it would go on the wire. */
    static String wire(MessageContext ctx) {
        OutboundBody.Bytes b = MessageFormatter.format(ctx);
        return new String(b.bytes(), StandardCharsets.UTF_8);
    }

    /** The content type the message would go out with. */
    static String wireType(MessageContext ctx) {
        return MessageFormatter.format(ctx).contentType();
    }

    static Configuration empty() {
        return Configuration.builder().build();
    }
}
