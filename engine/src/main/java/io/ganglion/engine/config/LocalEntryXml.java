package io.ganglion.engine.config;

import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.mediator.WriteContext;
import io.ganglion.engine.xml.LocatedXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.axiom.om.OMElement;

/**
 * Reads and writes a local entry: {@code <localEntry key="k">text</localEntry>},
 * {@code <localEntry key="k"><anyXml/></localEntry>} or {@code <localEntry key="k" src="file"/>}.
 * A {@code src} file is read at load: XML when it starts with '<', text otherwise; it is written
 * back inline. Thread-safe: immutable.
 */
public final class LocalEntryXml {

    private final RepositoryFiles files;

    /** @param files resolves {@code src} paths; null rejects {@code src} */
    public LocalEntryXml(RepositoryFiles files) {
        this.files = files;
    }

    /** Reads a {@code <localEntry>}. */
    public LocalEntry read(OMElement el, ReadContext ctx) {
        String key = ctx.requiredAttribute(el, "key");
        Location location = ctx.location(el);
        List<OMElement> children = ReadContext.children(el);
        String src = ctx.attribute(el, "src");
        if (src != null) {
            if (!children.isEmpty() || !el.getText().isBlank()) {
                throw ctx.error(el, "local entry '" + key + "' has both 'src' and content; use one");
            }
            return fromFile(key, src, el, ctx, location);
        }
        if (children.size() > 1) {
            throw ctx.error(children.get(1), "local entry '" + key + "' holds " + children.size()
                    + " elements; it may hold text or one XML element");
        }
        if (children.size() == 1) {
            if (!textOutside(el).isBlank()) {
                throw ctx.error(el, "local entry '" + key + "' mixes text and XML; it may hold text or one XML element");
            }
            return new LocalEntry(key, null, children.get(0).cloneOMElement(), location);
        }
        return new LocalEntry(key, el.getText().trim(), null, location);
    }

    private LocalEntry fromFile(String key, String src, OMElement el, ReadContext ctx, Location location) {
        if (files == null) {
            throw ctx.error(el, "local entry '" + key + "': 'src' is not available here");
        }
        byte[] bytes;
        String file;
        try {
            file = files.resolve(src).toString();
            bytes = files.read(src);
        } catch (IllegalArgumentException e) {
            throw ctx.error(el, "local entry '" + key + "': " + e.getMessage());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.strip().startsWith("<") || text.startsWith("\uFEFF<")) {
            // Errors inside the file are located in that file.
            OMElement root = LocatedXml.parse(file, new ByteArrayInputStream(bytes)).root();
            return new LocalEntry(key, null, root, location);
        }
        return new LocalEntry(key, text.strip(), null, location);
    }

    private static String textOutside(OMElement el) {
        StringBuilder sb = new StringBuilder();
        for (var it = el.getChildren(); it.hasNext();) {
            var node = it.next();
            if (node instanceof org.apache.axiom.om.OMText t) {
                sb.append(t.getText());
            }
        }
        return sb.toString();
    }

    /** Writes a local entry back, its value inline. */
    public static OMElement write(LocalEntry entry, WriteContext ctx) {
        OMElement el = ctx.element("localEntry");
        ctx.attribute(el, "key", entry.key());
        if (entry.xml() != null) {
            el.addChild(entry.xml().cloneOMElement());
        } else if (entry.text() != null) {
            el.setText(entry.text());
        }
        return el;
    }
}
