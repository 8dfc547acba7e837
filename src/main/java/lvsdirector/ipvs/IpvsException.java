package lvsdirector.ipvs;

/**
 * A request the kernel (or the in-memory backend, which mimics it) refused. Carries the errno and the
 * message ipvsadm prints for that errno and command (e.g. "Destination already exists").
 */
public class IpvsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    public IpvsException(Errno errno, String message) {
        super(message);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }

    /** The errno values IPVS answers with. */
    public enum Errno {
        EPERM(1), ENOENT(2), ESRCH(3), EBUSY(16), EEXIST(17), ENODEV(19), EINVAL(22), ERANGE(34),
        EOPNOTSUPP(95), EAFNOSUPPORT(97), ETIMEDOUT(110), OTHER(-1);

        private final int code;

        Errno(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Errno ofCode(int code) {
            for (Errno e : values()) {
                if (e.code == code) {
                    return e;
                }
            }
            return OTHER;
        }
    }

    /**
     * ipvsadm 1.31's text for an errno answered to a command (libipvs ipvs_strerror), e.g.
     * EEXIST on add-service is "Service already exists", ESRCH on add-destination "Service not defined".
     */
    public static String ipvsadmMessage(IpvsOperation op, Errno errno) {
        boolean isService = op instanceof IpvsOperation.AddService || op instanceof IpvsOperation.EditService
                || op instanceof IpvsOperation.DeleteService;
        switch (errno) {
            case EEXIST:
                return isService ? "Service already exists" : "Destination already exists";
            case ESRCH:
                if (op instanceof IpvsOperation.DeleteService || op instanceof IpvsOperation.EditService) {
                    return "No such service";
                }
                return "Service not defined";
            case ENOENT:
                if (op instanceof IpvsOperation.DeleteDestination || op instanceof IpvsOperation.EditDestination) {
                    return "No such destination";
                }
                return "Scheduler or persistence engine not found";
            case EPERM:
                return "Permission denied (you must be root)";
            case EINVAL:
                return "Invalid argument";
            case ERANGE:
                return "Numerical result out of range";
            case EBUSY:
                return "Device or resource busy";
            default:
                return "errno " + errno.code();
        }
    }
}
