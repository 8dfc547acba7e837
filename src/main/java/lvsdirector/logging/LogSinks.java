package lvsdirector.logging;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/** Chooses the sink ldirectord would use for a mode and a logfile= value. */
public final class LogSinks {
    public static final String DEV_LOG = "/dev/log";

    private LogSinks() {}

    /**
     * @param logfile    the logfile= value: an absolute path, or a syslog facility name
     * @param configName ldirectord's CFGNAME (shown in file log lines)
     */
    public static LogSink forLogfile(String logfile, String configName, long pid) {
        if (logfile.startsWith("/")) {
            return new FileSink(Path.of(logfile), configName, pid, Clock.systemDefaultZone(), System.err);
        }
        return new SyslogSink(logfile, pid, DEV_LOG, Clock.systemDefaultZone(), System.err);
    }

    /** supervised=yes: "[ctime] message" on stdout. */
    public static LogSink supervised(PrintStream out) {
        return new StreamSink(out, true, Clock.systemDefaultZone());
    }

    /** -d: bare messages on stderr. */
    public static LogSink debug(PrintStream err) {
        return new StreamSink(err, false, Clock.systemDefaultZone());
    }

    /** True when the value names a syslog facility ldirectord would accept. */
    public static boolean isSyslogFacility(String value) {
        return SyslogSink.FACILITIES.containsKey(value.toLowerCase(java.util.Locale.ROOT));
    }
}
