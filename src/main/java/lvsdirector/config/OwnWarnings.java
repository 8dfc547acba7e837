package lvsdirector.config;

/**
 * Warnings that lvs-director adds to ldirectord's own (ldirectord stays silent in these cases). Each text
 * starts with {@link #PREFIX} so tools comparing output with ldirectord's can tell them apart.
 */
public final class OwnWarnings {
    public static final String PREFIX = "lvs-director: ";

    private OwnWarnings() {}

    public static boolean isOwn(ConfigMessage message) {
        return message.message().startsWith(PREFIX);
    }

    /** virtual=10.0.0.1 (no port) is read by ldirectord as firewall mark 10. Given in every mode. */
    static String addressReadAsMark(String value, String mark) {
        return PREFIX + "virtual=" + value + " has no port and is read as firewall mark " + mark
                + "; write address:port for an address service";
    }

    /** The configtest-only warnings about a parsed virtual. */
    static void forVirtual(VirtualConfig v, MessageLog log) {
        if (log.mode() != ParseMode.ALL) {
            return;
        }
        CheckSettings c = v.check();
        boolean negotiates = c.checkType() == CheckType.NEGOTIATE || c.checkType() == CheckType.COMBINED;
        if (c.service() == ServiceType.NONE && c.checkType() == CheckType.NEGOTIATE) {
            log.warn(v.line(), PREFIX + "virtual service " + v.id()
                    + " has service none: its real servers are never checked and always count as up");
        }
        if (c.service() == ServiceType.DNS && negotiates && c.receive().isEmpty()) {
            log.warn(v.line(), PREFIX + "virtual service " + v.id()
                    + " checks dns with an empty receive: the check always fails, set receive=\"<address>\"");
        }
    }
}
