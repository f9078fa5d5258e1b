package io.ganglion.engine.config;

import io.ganglion.engine.mediator.ReadContext;
import org.apache.axiom.om.OMElement;

/**
 * Reads {@code synapse.xml}'s {@code <definitions>}: each localEntry, endpoint, sequence, template,
 * proxy and api child is deployed like a file of its own; Synapse elements Ganglion does not run
 * (registry, task, messageStore...) are reported where they stand. Thread-safe: stateless.
 */
final class DefinitionsReader {

    private DefinitionsReader() {}

    static void read(OMElement definitions, ReadContext ctx, ArtifactDeployer deployer) {
        for (OMElement child : ReadContext.children(definitions)) {
            String local = child.getLocalName();
            if (!ReadContext.isSynapse(child)) {
                deployer.problem(ctx.location(child), "unexpected <" + local + "> in namespace '"
                        + child.getNamespace().getNamespaceURI() + "' in <definitions>");
                continue;
            }
            ArtifactType type = ArtifactType.forElement(local);
            if (type != null) {
                deployer.deploy(type, child, ctx);
            } else if (ArtifactType.UNSUPPORTED.containsKey(local)) {
                deployer.problem(ctx.location(child), local.equals("registry")
                        ? "<registry> is not supported; define the entries it served as local entries"
                        : "<" + local + "> is not supported; it is ignored");
            } else if (!local.equals("description")) {
                deployer.problem(ctx.location(child), "unknown element <" + local + "> in <definitions>");
            }
        }
    }
}
