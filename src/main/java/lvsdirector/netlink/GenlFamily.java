package lvsdirector.netlink;

import java.util.Map;

/**
 * A resolved generic-netlink family: its dynamic id (the nlmsg_type of its messages), version, family header size,
 * highest attribute and, per command, the GENL_* op flags the kernel registered.
 */
public record GenlFamily(String name, int id, int version, int headerSize, int maxAttribute, Map<Integer, Integer> operations) {
    public static final int GENL_ADMIN_PERM = 0x01;
    public static final int GENL_CMD_CAP_DO = 0x02;
    public static final int GENL_CMD_CAP_DUMP = 0x04;

    public GenlFamily {
        operations = Map.copyOf(operations);
    }

    public boolean supportsDump(int command) {
        return (operations.getOrDefault(command, 0) & GENL_CMD_CAP_DUMP) != 0;
    }
}
