package lvsdirector.ipvs.sync;

/** A persistence snapshot document that cannot be read back; the message names the field. */
public final class SnapshotFormatException extends Exception {
    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
