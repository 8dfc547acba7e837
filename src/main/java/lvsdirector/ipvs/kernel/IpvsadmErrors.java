package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsException.Errno;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.kernel.IpvsGenl.Command;

/**
 * The text ipvsadm 1.31 prints for an errno the kernel answered to a command. The kernel sends no message of its
 * own, and the same errno means different things per command (ENOENT: missing destination, or unknown scheduler),
 * so the mapping is per command, as in libipvs.
 */
final class IpvsadmErrors {
    private IpvsadmErrors() {}

    /** For a table-changing operation: the shared mapping of the ipvs package. */
    static IpvsException forOperation(IpvsOperation op, int errno) {
        Errno e = Errno.ofCode(errno);
        return new IpvsException(e, e == Errno.OTHER ? generic(errno) : IpvsException.ipvsadmMessage(op, e));
    }

    static IpvsException forCommand(Command command, int errno) {
        Errno e = Errno.ofCode(errno);
        return new IpvsException(e, message(command, errno));
    }

    static String message(Command command, int errno) {
        if (command == Command.ZERO && errno == Errno.ESRCH.code()) {
            return "No such service";
        }
        if (command == Command.GET_SERVICE && errno == Errno.ESRCH.code()) {
            return "No such service";
        }
        if (command == Command.NEW_DAEMON && errno == Errno.EEXIST.code()) {
            return "Daemon has already run";
        }
        if (command == Command.DEL_DAEMON && errno == Errno.ESRCH.code()) {
            return "No daemon is running";
        }
        return generic(errno);
    }

    private static String generic(int errno) {
        switch (errno) {
            case 1:
                return "Permission denied (you must be root)";
            case 12:
                return "Memory allocation problem";
            case 19:
                return "No such device";
            case 22:
                return "Invalid argument";
            case 34:
                return "Numerical result out of range";
            case 95:
                return "Operation not supported with IPv6";
            case 97:
                return "Operation not supported with specified address family";
            default:
                return lvsdirector.netlink.Errno.describe(errno);
        }
    }
}
