package lvsdirector.config;

import java.util.List;
import java.util.Set;

/**
 * Global directives with ldirectord's defaults (see {@link #DEFAULTS}). checkTimeout and negotiateTimeout
 * stay null when not written, because the per-virtual resolution order depends on which were set.
 */
public record Globals(Integer checkTimeout, Integer negotiateTimeout, int checkInterval, int checkCount,
                      int failureCount, boolean autoreload, String callback, String logfile, List<String> execute,
                      boolean fork, boolean supervised, boolean quiescent, boolean readdQuiescent, boolean cleanstop,
                      Fallback fallback, Fallback fallback6, String fallbackCommand, AlertSettings alerts,
                      String emailAlertFrom, String maintenanceDir) {

    public static final String DEFAULT_LOGFILE = "/var/log/ldirectord.log";

    public static final Globals DEFAULTS = new Globals(null, null, 10, 1, 1, false, null, DEFAULT_LOGFILE, List.of(),
            false, false, false, false, true, null, null, null,
            new AlertSettings("", 0, Set.of(DaemonStatus.values()), null), null, null);

    public Globals {
        execute = List.copyOf(execute);
    }
}
