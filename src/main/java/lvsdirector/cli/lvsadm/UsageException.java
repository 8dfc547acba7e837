package lvsdirector.cli.lvsadm;

/** A command line ipvsadm would refuse with {@code fail(2, ...)}: the message goes to stderr, exit status 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
