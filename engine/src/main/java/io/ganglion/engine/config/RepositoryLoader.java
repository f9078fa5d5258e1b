package io.ganglion.engine.config;

import io.ganglion.engine.endpoint.EndpointRegistry;
import io.ganglion.engine.mediator.MediatorRegistry;
import io.ganglion.engine.mediator.ReadContext;
import io.ganglion.engine.xml.LocatedXml;
import io.ganglion.engine.xml.SynapseNs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.axiom.om.OMElement;

/**
 * Loads a repository's {@code conf/synapse-config} into a {@link Configuration}: the optional
 * {@code synapse.xml} ({@code <definitions>}) first, then one artifact per {@code *.xml} file in
 * {@code local-entries/}, {@code endpoints/}, {@code sequences/}, {@code templates/},
 * {@code proxy-services/} and {@code api/} (files by name). A broken artifact is reported with its
 * {@code file:line:column} and left out; everything else still loads. Once all files are read,
 * every key an artifact uses is checked. Thread-safe: stateless.
 */
public final class RepositoryLoader {

    /** The outcome: the configuration built from every valid artifact, and every problem found. */
    public record Result(Configuration configuration, List<ConfigProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private RepositoryLoader() {}

    /**
     * Loads {@code repository} (the folder holding {@code conf/}) with the built-in mediators and
     * endpoints. Broken artifacts are reported in the result's problems and left out.
     */
    public static Result load(Path repository) {
        return load(repository, MediatorRegistry.defaults(), EndpointRegistry.defaults());
    }

    /** Loads {@code repository} with the given mediator and endpoint types. */
    public static Result load(Path repository, MediatorRegistry mediators, EndpointRegistry endpoints) {
        ProblemList problems = new ProblemList();
        ArtifactDeployer deployer = new ArtifactDeployer(new RepositoryFiles(repository), problems);
        Path configDir = repository.resolve("conf").resolve("synapse-config");
        if (!Files.isDirectory(repository)) {
            deployer.problem(null, "repository '" + repository + "' does not exist or is not a folder");
        } else if (!Files.isDirectory(configDir)) {
            deployer.problem(null, "'" + configDir + "' does not exist: the configuration of a repository lives in"
                    + " conf/synapse-config");
        } else {
            new Run(configDir, mediators, endpoints, deployer, problems).loadAll();
        }
        Configuration config = deployer.finish();
        return new Result(config, problems.sorted());
    }

    /** One pass over the configuration folder. */
    private record Run(Path configDir, MediatorRegistry mediators, EndpointRegistry endpoints,
            ArtifactDeployer deployer, ProblemList problems) {

        void loadAll() {
            Path synapseXml = configDir.resolve("synapse.xml");
            if (Files.isRegularFile(synapseXml)) {
                loadDefinitions(synapseXml);
            }
            Path registryXml = configDir.resolve("registry.xml");
            if (Files.isRegularFile(registryXml)) {
                problems.startFile(registryXml.toString());
                deployer.problem(new Location(registryXml.toString(), 1, 1),
                        "the registry is not supported; define the entries it served as local entries");
            }
            for (ArtifactType type : ArtifactType.values()) {
                for (Path file : xmlFiles(configDir.resolve(type.folder()))) {
                    loadArtifact(type, file);
                }
            }
            for (Map.Entry<String, String> e : ArtifactType.UNSUPPORTED.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue()).collect(Collectors.toList())) {
                for (Path file : xmlFiles(configDir.resolve(e.getValue()))) {
                    problems.startFile(file.toString());
                    deployer.problem(new Location(file.toString(), 1, 1),
                            "<" + e.getKey() + "> artifacts are not supported; this file is ignored");
                }
            }
        }

        private void loadDefinitions(Path file) {
            ReadContext ctx = parse(file);
            if (ctx == null) {
                return;
            }
            OMElement root = ctx.root();
            if (!checkRoot(root, "definitions", "synapse.xml", ctx)) {
                return;
            }
            DefinitionsReader.read(root, ctx, deployer);
            deployer.collect(ctx);
        }

        private void loadArtifact(ArtifactType type, Path file) {
            ReadContext ctx = parse(file);
            if (ctx == null) {
                return;
            }
            if (!checkRoot(ctx.root(), type.element(), type.folder() + "/", ctx)) {
                return;
            }
            deployer.deploy(type, ctx.root(), ctx);
            deployer.collect(ctx);
        }

        private boolean checkRoot(OMElement root, String expected, String where, ReadContext ctx) {
            if (!ReadContext.isSynapse(root)) {
                deployer.problem(ctx.location(root), "<" + root.getLocalName() + "> must be in the Synapse namespace "
                        + SynapseNs.URI + ", not '" + root.getNamespace().getNamespaceURI() + "'");
                return false;
            }
            if (!root.getLocalName().equals(expected)) {
                deployer.problem(ctx.location(root), "expected <" + expected + "> in " + where + ", found <"
                        + root.getLocalName() + ">");
                return false;
            }
            return true;
        }

        /** Parses a file with element locations, or reports why it cannot be and returns null. */
        private ReadContext parse(Path file) {
            String name = file.toString();
            problems.startFile(name);
            try (InputStream in = Files.newInputStream(file)) {
                return new ReadContext(LocatedXml.parse(name, in), mediators, endpoints);
            } catch (ConfigException e) {
                problems.add(e.toProblem());
            } catch (IOException e) {
                deployer.problem(new Location(name, 1, 1), "cannot read the file: " + e.getMessage());
            }
            return null;
        }

        /** The {@code *.xml} files of a folder by name; none when the folder does not exist. */
        private List<Path> xmlFiles(Path dir) {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".xml") && !n.startsWith(".") && Files.isRegularFile(p);
                }).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                        .collect(Collectors.toList());
            } catch (IOException e) {
                deployer.problem(new Location(dir.toString(), 1, 1), "cannot list the folder: " + e.getMessage());
                return List.of();
            }
        }
    }
}
