package lvsdirector.cli;

import java.util.List;
import java.util.Optional;
import lvsdirector.daemon.OverrideCommand;
import picocli.CommandLine;

/**
 * ldirectord's command line: {@code ldirectord [-d] [--] [configfile] ACTION}. Parsing and exit codes
 * follow ldirectord 4.12: usage on stdout with 255 for a missing or unknown action, "Unknown option" on
 * stderr with 255, 1 for a config that is not found, 2 for a config with errors.
 */
public final class LdirectordMain {
    static final List<String> ACTIONS = List.of("start", "stop", "restart", "try-restart", "reload", "force-reload",
            "status", "configtest", "show", "standby");

    private LdirectordMain() {}

    public static void main(String[] args) {
        int status = run(args, CliEnvironment.system());
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args, CliEnvironment env) {
        LdirectordOptions options = new LdirectordOptions();
        CommandLine cli = new CommandLine(options);
        cli.setStopAtPositional(true);
        cli.setPosixClusteredShortOptionsAllowed(true);
        cli.setAbbreviatedOptionsAllowed(false);
        try {
            cli.parseArgs(args);
        } catch (CommandLine.UnmatchedArgumentException e) {
            String unknown = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0).replaceFirst("^-+", "");
            env.err().println("Unknown option: " + unknown);
            Usage.printUsage(env.out());
            return 255;
        } catch (CommandLine.ParameterException e) {
            env.err().println(e.getMessage());
            Usage.printUsage(env.out());
            return 255;
        }
        if (options.help) {
            Usage.printUsage(env.out());
            return 0;
        }
        if (options.version) {
            Usage.printVersion(env.out(), implementationVersion());
            return 0;
        }
        List<String> positional = options.positional;
        if (positional.isEmpty()) {
            Usage.printUsage(env.out());
            return 255;
        }
        String action;
        Optional<String> config;
        int verbAt = overrideVerbAt(positional);
        if (verbAt >= 0) {
            return new LdirectordActions(env, options.debug, options.backend, options.daemonChild).runOverride(
                    verbAt == 0 ? Optional.empty() : Optional.of(positional.get(0)), positional.get(verbAt),
                    positional.subList(verbAt + 1, positional.size()));
        }
        if (positional.size() == 1) {
            action = positional.get(0);
            config = Optional.empty();
        } else {
            config = Optional.of(positional.get(0));
            action = positional.get(1);
        }
        if (!ACTIONS.contains(action)) {
            Usage.printUsage(env.out());
            return 255;
        }
        return new LdirectordActions(env, options.debug, options.backend, options.daemonChild).run(config, action);
    }

    /**
     * Where an override verb (drain, undrain, weight, overrides) stands: first, or second after the
     * configfile; -1 when the command is not an override. Other actions keep ldirectord's
     * "[configfile] action" reading.
     */
    private static int overrideVerbAt(List<String> positional) {
        if (OverrideCommand.VERBS.contains(positional.get(0))) {
            return 0;
        }
        return positional.size() >= 2 && OverrideCommand.VERBS.contains(positional.get(1)) ? 1 : -1;
    }

    static String implementationVersion() {
        String v = LdirectordMain.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
