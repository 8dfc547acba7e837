package lvsdirector.ipvs.sync;

/** A connection-table text that does not have the kernel's layout. */
public final class ConnectionTableException extends Exception {
    public ConnectionTableException(String message) {
        super(message);
    }
}
