package io.ganglion.server;

import io.ganglion.engine.config.ConfigProblem;
import io.ganglion.engine.config.RepositoryLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code ganglion} command: serves a repository, or validates it with {@code --validate}.
 * Exit status: 0 success (or a graceful stop), 1 validation problems, 2 bad usage or startup error.
 * Thread-safe: one instance per invocation.
 */
@Command(name = "ganglion", sortOptions = false,
        description = "Runs the Ganglion gateway over a Synapse configuration repository.")
public final class Main implements Callable<Integer> {

    static final int PROBLEMS = 1;
    static final int STARTUP_ERROR = 2;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = "repository",
            description = "the repository folder holding conf/ (default: ${DEFAULT-VALUE})")
    private Path repo;

    @Option(names = "--validate",
            description = "load the configuration, print every problem as path:line:column: message, and exit")
    private boolean validate;

    @Option(names = "--port", paramLabel = "N", description = "serve HTTP on this port instead of deployment.toml's "
            + "(0: any free port); HTTPS then takes a free port unless --https-port is given")
    private Integer port;

    @Option(names = "--https-port", paramLabel = "N",
            description = "serve HTTPS on this port instead of deployment.toml's (0: any free port)")
    private Integer httpsPort;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command with the given output streams; returns the exit status. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Main()).setOut(out).setErr(err).execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port != null && (port < 0 || port > 65535)) {
            err.println("--port must be between 0 and 65535, not " + port);
            return STARTUP_ERROR;
        }
        if (httpsPort != null && (httpsPort < 0 || httpsPort > 65535)) {
            err.println("--https-port must be between 0 and 65535, not " + httpsPort);
            return STARTUP_ERROR;
        }
        if (!Files.isDirectory(repo)) {
            err.println("repository folder not found: " + repo.toAbsolutePath().normalize());
            return STARTUP_ERROR;
        }
        return validate ? validate(out) : serve(out, err);
    }

    private int validate(PrintWriter out) {
        RepositoryLoader.Result result = RepositoryLoader.load(repo.toAbsolutePath().normalize());
        for (ConfigProblem p : result.problems()) {
            out.println(p);
        }
        if (!result.ok()) {
            out.flush();
            return PROBLEMS;
        }
        out.println("repository OK");
        out.flush();
        return 0;
    }

    private int serve(PrintWriter out, PrintWriter err) {
        Server server;
        try {
            server = Server.start(new ServerOptions(repo, port, httpsPort));
        } catch (StartupException e) {
            err.println(e.getMessage());
            err.flush();
            return STARTUP_ERROR;
        }
        Signals.onTermination(server::close);
        out.println(server.startedLine());
        out.flush();
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }
}
