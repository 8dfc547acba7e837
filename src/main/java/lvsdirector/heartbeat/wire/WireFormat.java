package lvsdirector.heartbeat.wire;

/** The two encodings of a heartbeat message. */
public enum WireFormat {
    /** {@code ###\n} + netstring fields + {@code %%%\n} + signature trailer: what heartbeat sends on UDP. */
    NETSTRING,
    /** {@code >>>\n} + {@code name=value} lines + {@code <<<\n}: serial medium, accepted on receive. */
    CLASSIC
}
