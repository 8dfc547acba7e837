package lvsdirector.heartbeat.vip;

/** A virtual-IP resource that cannot be understood or placed: bad argument, no interface, no netmask. */
public class VipException extends Exception {
    private static final long serialVersionUID = 1L;

    public VipException(String message) {
        super(message);
    }
}
