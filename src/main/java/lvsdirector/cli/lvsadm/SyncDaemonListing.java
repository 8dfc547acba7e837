package lvsdirector.cli.lvsadm;

import lvsdirector.ipvs.kernel.SyncDaemon;
import lvsdirector.support.InetAddrs;

import java.util.List;

/**
 * ipvsadm's {@code -L --daemon} text: one line per running sync daemon, in the kernel's order (master first).
 * Optional settings the kernel did not report (0 / no group) are left out, as ipvsadm does.
 */
public final class SyncDaemonListing {
    private SyncDaemonListing() {}

    public static String render(List<SyncDaemon> daemons) {
        StringBuilder text = new StringBuilder();
        for (SyncDaemon d : daemons) {
            text.append(d.state().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" sync daemon (mcast=").append(d.interfaceName())
                    .append(", syncid=").append(d.syncId());
            if (d.maxLength() != 0) {
                text.append(", maxlen=").append(d.maxLength());
            }
            if (d.group() != null) {
                text.append(", group=").append(InetAddrs.numeric(d.group()));
            }
            if (d.port() != 0) {
                text.append(", port=").append(d.port());
            }
            if (d.ttl() != 0) {
                text.append(", ttl=").append(d.ttl());
            }
            text.append(")\n");
        }
        return text.toString();
    }
}
