package lvsdirector.ipvs.sync;

/** A sync datagram that is not a well-formed v1 message; the message says which byte is wrong and why. */
public final class SyncFormatException extends Exception {
    public SyncFormatException(String message) {
        super(message);
    }
}
