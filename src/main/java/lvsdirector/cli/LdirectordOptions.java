package lvsdirector.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** ldirectord's command line: GNU-style options, parsing stops at the first non-option. */
@Command(name = "ldirectord", mixinStandardHelpOptions = false, usageHelpAutoWidth = false)
final class LdirectordOptions {
    @Option(names = {"-d", "--debug"}, description = "foreground, log to stderr, no pid file")
    boolean debug;

    @Option(names = {"-h", "-?", "--help"}, description = "print help and exit")
    boolean help;

    @Option(names = {"-v", "--version"}, description = "print version and exit")
    boolean version;

    @Option(names = "--backend", description = "auto, memory or kernel")
    String backend = "auto";

    /**
     * {@code start} runs the daemon in this process (pid file and log as configured) instead of detaching:
     * for supervisors such as systemd (Type=notify). {@code --daemon-child} is the detached start's own name for it.
     */
    @Option(names = {"--foreground", "--daemon-child"}, description = "start: run the daemon in this process")
    boolean daemonChild;

    @Parameters(arity = "0..*")
    List<String> positional = new ArrayList<>();
}
