package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.ForwardingMethod;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins every IPVS number to linux/ip_vs.h (6.1), so that a reordering of an enum cannot change the wire. */
class IpvsGenlTest {

    private static Map<String, Integer> codes(IpvsGenl.Coded[] values) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (IpvsGenl.Coded c : values) {
            m.put(((Enum<?>) c).name(), c.code());
        }
        return m;
    }

    @Test
    void commands() {
        assertThat(codes(IpvsGenl.Command.values())).containsExactlyEntriesOf(Map.ofEntries(
                Map.entry("NEW_SERVICE", 1), Map.entry("SET_SERVICE", 2), Map.entry("DEL_SERVICE", 3), Map.entry("GET_SERVICE", 4),
                Map.entry("NEW_DEST", 5), Map.entry("SET_DEST", 6), Map.entry("DEL_DEST", 7), Map.entry("GET_DEST", 8),
                Map.entry("NEW_DAEMON", 9), Map.entry("DEL_DAEMON", 10), Map.entry("GET_DAEMON", 11), Map.entry("SET_CONFIG", 12),
                Map.entry("GET_CONFIG", 13), Map.entry("SET_INFO", 14), Map.entry("GET_INFO", 15), Map.entry("ZERO", 16),
                Map.entry("FLUSH", 17)).entrySet().stream().sorted(Map.Entry.comparingByValue())
                .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll));
    }

    @Test
    void attributes() {
        assertThat(codes(IpvsGenl.CmdAttr.values())).containsExactly(Map.entry("SERVICE", 1), Map.entry("DEST", 2),
                Map.entry("DAEMON", 3), Map.entry("TIMEOUT_TCP", 4), Map.entry("TIMEOUT_TCP_FIN", 5), Map.entry("TIMEOUT_UDP", 6));
        assertThat(codes(IpvsGenl.SvcAttr.values())).containsExactly(Map.entry("AF", 1), Map.entry("PROTOCOL", 2),
                Map.entry("ADDR", 3), Map.entry("PORT", 4), Map.entry("FWMARK", 5), Map.entry("SCHED_NAME", 6), Map.entry("FLAGS", 7),
                Map.entry("TIMEOUT", 8), Map.entry("NETMASK", 9), Map.entry("STATS", 10), Map.entry("PE_NAME", 11), Map.entry("STATS64", 12));
        assertThat(codes(IpvsGenl.DestAttr.values())).containsExactly(Map.entry("ADDR", 1), Map.entry("PORT", 2),
                Map.entry("FWD_METHOD", 3), Map.entry("WEIGHT", 4), Map.entry("U_THRESH", 5), Map.entry("L_THRESH", 6),
                Map.entry("ACTIVE_CONNS", 7), Map.entry("INACT_CONNS", 8), Map.entry("PERSIST_CONNS", 9), Map.entry("STATS", 10),
                Map.entry("ADDR_FAMILY", 11), Map.entry("STATS64", 12), Map.entry("TUN_TYPE", 13), Map.entry("TUN_PORT", 14),
                Map.entry("TUN_FLAGS", 15));
        assertThat(codes(IpvsGenl.DaemonAttr.values())).containsExactly(Map.entry("STATE", 1), Map.entry("MCAST_IFN", 2),
                Map.entry("SYNC_ID", 3), Map.entry("SYNC_MAXLEN", 4), Map.entry("MCAST_GROUP", 5), Map.entry("MCAST_GROUP6", 6),
                Map.entry("MCAST_PORT", 7), Map.entry("MCAST_TTL", 8));
        assertThat(codes(IpvsGenl.StatsAttr.values())).containsExactly(Map.entry("CONNS", 1), Map.entry("INPKTS", 2),
                Map.entry("OUTPKTS", 3), Map.entry("INBYTES", 4), Map.entry("OUTBYTES", 5), Map.entry("CPS", 6), Map.entry("INPPS", 7),
                Map.entry("OUTPPS", 8), Map.entry("INBPS", 9), Map.entry("OUTBPS", 10), Map.entry("PAD", 11));
        assertThat(codes(IpvsGenl.InfoAttr.values())).containsExactly(Map.entry("VERSION", 1), Map.entry("CONN_TAB_SIZE", 2));
    }

    @Test
    void forwardingMethodsAndDaemonStates() {
        assertThat(codes(IpvsGenl.FwdMethod.values())).containsExactly(Map.entry("MASQ", 0), Map.entry("LOCALNODE", 1),
                Map.entry("TUNNEL", 2), Map.entry("DROUTE", 3), Map.entry("BYPASS", 4));
        assertThat(codes(IpvsGenl.DaemonState.values())).containsExactly(Map.entry("MASTER", 1), Map.entry("BACKUP", 2));
        // the domain enum must agree with the kernel codes it is encoded with
        assertThat(Arrays.stream(ForwardingMethod.values()).map(ForwardingMethod::code))
                .containsExactly(IpvsGenl.FwdMethod.MASQ.code(), IpvsGenl.FwdMethod.LOCALNODE.code(),
                        IpvsGenl.FwdMethod.TUNNEL.code(), IpvsGenl.FwdMethod.DROUTE.code());
        assertThat(IpvsGenl.FAMILY_NAME).isEqualTo("IPVS");
        assertThat(IpvsGenl.GENL_VERSION).isEqualTo(1);
    }
}
