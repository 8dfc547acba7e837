package lvsdirector.config;

/** An ldirectord config_error() raised while handling one directive; the driver adds the line. */
final class DirectiveError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DirectiveError(String message) {
        super(message, null, false, false);
    }

    /** Throws unless the condition holds (ldirectord's "COND or config_error(...)"). */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new DirectiveError(message);
        }
    }
}
