package lvsdirector.cli.drbdsync;

/** The outcome of {@code drbd-sync status}, and its exit status. */
enum DrbdVerdict {
    HEALTHY(0, "healthy"),
    DEGRADED(1, "degraded"),
    SPLIT_BRAIN(2, "SPLIT BRAIN"),
    NOT_CONFIGURED(3, "not configured");

    final int exitStatus;
    final String word;

    DrbdVerdict(int exitStatus, String word) {
        this.exitStatus = exitStatus;
        this.word = word;
    }
}
