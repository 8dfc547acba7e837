package lvsdirector.state;

/** This node may not write state now; the message says why (e.g. "DRBD r0 is Secondary ..."). */
public final class StateUnavailableException extends Exception {
    public StateUnavailableException(String message) {
        super(message);
    }
}
