package io.ganglion.engine.config;

import java.util.Map;

/** The kinds of top-level artifact, in load order, with their folder and root element. */
enum ArtifactType {
    LOCAL_ENTRY("local-entries", "localEntry", "local entry"),
    ENDPOINT("endpoints", "endpoint", "endpoint"),
    SEQUENCE("sequences", "sequence", "sequence"),
    TEMPLATE("templates", "template", "template"),
    PROXY("proxy-services", "proxy", "proxy service"),
    API("api", "api", "API");

    /**
     * Synapse artifacts Ganglion does not run, by element, with their multi-file folder; reported
     * so nobody believes a task or message store is active.
     */
    static final Map<String, String> UNSUPPORTED = Map.of(
            "registry", "registry.xml",
            "task", "tasks",
            "eventSource", "event-sources",
            "priorityExecutor", "priority-executors",
            "messageStore", "message-stores",
            "messageProcessor", "message-processors",
            "import", "imports",
            "inboundEndpoint", "inbound-endpoints");

    private final String folder;
    private final String element;
    private final String label;

    ArtifactType(String folder, String element, String label) {
        this.folder = folder;
        this.element = element;
        this.label = label;
    }

    String folder() {
        return folder;
    }

    String element() {
        return element;
    }

    String label() {
        return label;
    }

    /** The type whose root element is {@code localName}, or null. */
    static ArtifactType forElement(String localName) {
        for (ArtifactType t : values()) {
            if (t.element.equals(localName)) {
                return t;
            }
        }
        return null;
    }
}
