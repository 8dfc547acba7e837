package lvsdirector.logging;

/** Where ldirectord-style log lines go: a file, syslog, stdout (supervised) or stderr (debug). */
public interface LogSink extends AutoCloseable {

    /** Writes one message (no trailing newline). Must never throw. */
    void write(String message);

    /** Short description for diagnostics, e.g. "file /var/log/ldirectord.log" or "syslog local0". */
    String describe();

    @Override
    default void close() {}
}
