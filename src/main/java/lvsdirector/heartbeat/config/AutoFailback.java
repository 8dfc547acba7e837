package lvsdirector.heartbeat.config;

/** {@code auto_failback}: {@code on}/{@code off} select nice_failback; {@code legacy} (the default) does not. */
public enum AutoFailback {
    ON, OFF, LEGACY;

    public boolean niceFailback() {
        return this != LEGACY;
    }
}
