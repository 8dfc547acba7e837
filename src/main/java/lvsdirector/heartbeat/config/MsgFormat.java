package lvsdirector.heartbeat.config;

/**
 * {@code msgfmt}: both send netstring packets on UDP; {@code classic} (the default) also puts the inner
 * {@code auth} field into every message, {@code netstring} leaves it out.
 */
public enum MsgFormat {
    CLASSIC, NETSTRING;

    public boolean innerAuth() {
        return this == CLASSIC;
    }
}
