package lvsdirector.check.lib.sql;

import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ProbeFailures;
import lvsdirector.check.lib.SqlCheck;
import lvsdirector.support.InetAddrs;

/** The verdict shared by the database checks. */
final class SqlResults {
    private SqlResults() {}

    static CheckResult rows(SqlCheck check, int rows, long start) {
        String where = check.engine().name().toLowerCase(java.util.Locale.ROOT) + " "
                + InetAddrs.hostPort(check.address(), check.port());
        return rows >= 1
                ? CheckResult.ok(where + ": query returned " + rows + " row(s)", ProbeFailures.since(start))
                : CheckResult.failed(FailureReason.MISMATCH, where + ": query returned no rows", ProbeFailures.since(start));
    }

    static CheckResult missingSettings(SqlCheck check) {
        return CheckResult.failed(FailureReason.ERROR, check.missingSettingsMessage(), java.time.Duration.ZERO);
    }
}
