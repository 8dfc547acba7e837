package lvsdirector.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import lvsdirector.config.ConfigLocator;

/**
 * What the ldirectord command line needs from its surroundings, replaceable in tests: streams, where
 * pid files live, where configs are looked up, how the daemon is launched.
 *
 * @param runDir         /var/run (override: LVS_DIRECTOR_RUNDIR)
 * @param searchPrefixes /etc/ha.d/ and /etc/ha.d/conf/ (override: LVS_DIRECTOR_CONFIG_DIRS, colon separated)
 * @param launcher       this program's entry point for execute= companions (scripts/ldirectord)
 */
record CliEnvironment(PrintStream out, PrintStream err, Path runDir, List<String> searchPrefixes, String launcher) {

    static CliEnvironment system() {
        String runDir = System.getenv().getOrDefault("LVS_DIRECTOR_RUNDIR", "/var/run");
        String dirs = System.getenv("LVS_DIRECTOR_CONFIG_DIRS");
        List<String> prefixes = dirs == null ? ConfigLocator.DEFAULT_SEARCH_PREFIXES
                : List.of(dirs.split(":")).stream().map(d -> d.endsWith("/") ? d : d + "/").toList();
        return new CliEnvironment(System.out, System.err, Path.of(runDir), prefixes,
                System.getProperty("lvsdirector.launcher"));
    }
}
