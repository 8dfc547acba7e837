package lvsdirector.sanity;

import lvsdirector.config.DirectorConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every start-up check once and reports each finding as one log line. Only meaningful when the kernel's
 * IPVS table is programmed; a check that breaks is reported and never stops the daemon.
 */
public final class StartupSanity {
    private static final List<SanityCheck> CHECKS = List.of(new ForwardingCheck(), new ConntrackCheck(),
            new QuiescentTemplateCheck(), new SchedulerModuleCheck());

    private StartupSanity() {}

    /** Every finding for this configuration on the host behind the files. */
    public static List<Finding> findings(DirectorConfig config, SystemFiles files) {
        List<Finding> findings = new ArrayList<>();
        for (SanityCheck check : CHECKS) {
            try {
                findings.addAll(check.check(config, files));
            } catch (RuntimeException e) {
                findings.add(new Finding("start-up check " + check.getClass().getSimpleName() + " failed: " + e,
                        "report this as a bug; the director runs on without that check"));
            }
        }
        return findings;
    }

    /** Logs the findings on this host, when the backend in use is the kernel's ("kernel"). */
    public static void report(DirectorConfig config, String backendName, Consumer<String> log) {
        if ("kernel".equals(backendName)) {
            findings(config, SystemFiles.host()).forEach(f -> log.accept(f.logLine()));
        }
    }
}
