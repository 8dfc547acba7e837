package lvsdirector.ipvs.kernel;

/**
 * The IPVS generic-netlink numbers of linux/ip_vs.h (checked against linux-libc-dev 6.1 and captures of a 6.1
 * kernel). Every constant carries its code explicitly; a unit test pins them.
 */
public final class IpvsGenl {
    public static final String FAMILY_NAME = "IPVS";
    public static final int GENL_VERSION = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int NAME_MAX_LENGTH = 16;

    private IpvsGenl() {}

    /** Numbered constants. */
    public interface Coded {
        int code();
    }

    /** IPVS_CMD_* (genlmsghdr.cmd). */
    public enum Command implements Coded {
        NEW_SERVICE(1), SET_SERVICE(2), DEL_SERVICE(3), GET_SERVICE(4),
        NEW_DEST(5), SET_DEST(6), DEL_DEST(7), GET_DEST(8),
        NEW_DAEMON(9), DEL_DAEMON(10), GET_DAEMON(11),
        SET_CONFIG(12), GET_CONFIG(13), SET_INFO(14), GET_INFO(15), ZERO(16), FLUSH(17);

        private final int code;

        Command(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** IPVS_CMD_ATTR_* (top level). */
    public enum CmdAttr implements Coded {
        SERVICE(1), DEST(2), DAEMON(3), TIMEOUT_TCP(4), TIMEOUT_TCP_FIN(5), TIMEOUT_UDP(6);

        private final int code;

        CmdAttr(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** IPVS_SVC_ATTR_* (inside SERVICE). */
    public enum SvcAttr implements Coded {
        AF(1), PROTOCOL(2), ADDR(3), PORT(4), FWMARK(5), SCHED_NAME(6), FLAGS(7), TIMEOUT(8), NETMASK(9),
        STATS(10), PE_NAME(11), STATS64(12);

        private final int code;

        SvcAttr(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** IPVS_DEST_ATTR_* (inside DEST). */
    public enum DestAttr implements Coded {
        ADDR(1), PORT(2), FWD_METHOD(3), WEIGHT(4), U_THRESH(5), L_THRESH(6), ACTIVE_CONNS(7), INACT_CONNS(8),
        PERSIST_CONNS(9), STATS(10), ADDR_FAMILY(11), STATS64(12), TUN_TYPE(13), TUN_PORT(14), TUN_FLAGS(15);

        private final int code;

        DestAttr(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** IPVS_DAEMON_ATTR_* (inside DAEMON). */
    public enum DaemonAttr implements Coded {
        STATE(1), MCAST_IFN(2), SYNC_ID(3), SYNC_MAXLEN(4), MCAST_GROUP(5), MCAST_GROUP6(6), MCAST_PORT(7), MCAST_TTL(8);

        private final int code;

        DaemonAttr(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** IPVS_STATS_ATTR_* (inside STATS and STATS64). */
    public enum StatsAttr implements Coded {
        CONNS(1), INPKTS(2), OUTPKTS(3), INBYTES(4), OUTBYTES(5), CPS(6), INPPS(7), OUTPPS(8), INBPS(9), OUTBPS(10), PAD(11);

        private final int code;

        StatsAttr(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** IPVS_INFO_ATTR_* (in the SET_INFO reply to GET_INFO). */
    public enum InfoAttr implements Coded {
        VERSION(1), CONN_TAB_SIZE(2);

        private final int code;

        InfoAttr(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** IP_VS_CONN_F_* forwarding methods (IPVS_DEST_ATTR_FWD_METHOD, masked with IP_VS_CONN_F_FWD_MASK 0x7). */
    public enum FwdMethod implements Coded {
        MASQ(0), LOCALNODE(1), TUNNEL(2), DROUTE(3), BYPASS(4);

        public static final int MASK = 0x7;
        private final int code;

        FwdMethod(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }

    /** IP_VS_STATE_* of a sync daemon. */
    public enum DaemonState implements Coded {
        MASTER(1), BACKUP(2);

        private final int code;

        DaemonState(int code) {
            this.code = code;
        }

        @Override
        public int code() {
            return code;
        }
    }
}
