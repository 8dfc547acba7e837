package lvsdirector.ipvs.format;

import static lvsdirector.ipvs.format.Counters.left;

import lvsdirector.support.InetAddrs;

import java.util.List;

/** {@code ipvsadm -L -n -c} (and with {@code --persistent-conn}), in the table's own order. */
public final class ConnectionRenderer {
    private ConnectionRenderer() {}

    public static String render(List<ConnectionEntry> entries, boolean persistenceColumns) {
        StringBuilder out = new StringBuilder("IPVS connection entries\n");
        out.append("pro expire ").append(left("state", 11)).append(' ').append(left("source", 18)).append(' ')
                .append(left("virtual", 18)).append(' ');
        if (persistenceColumns) {
            out.append(left("destination", 18)).append(' ').append(left("pe name", 16)).append(" pe_data\n");
        } else {
            out.append("destination\n");
        }
        for (ConnectionEntry e : entries) {
            out.append(line(e, persistenceColumns)).append('\n');
        }
        return out.toString();
    }

    private static String line(ConnectionEntry e, boolean persistenceColumns) {
        String start = left(e.protocol(), 3) + " " + left(expires(e.expiresSeconds()), 6) + " " + left(e.state(), 11)
                + " " + left(InetAddrs.hostPort(e.client(), e.clientPort()), 18) + " "
                + left(InetAddrs.hostPort(e.virtual(), e.virtualPort()), 18) + " ";
        String destination = InetAddrs.hostPort(e.destination(), e.destinationPort());
        if (persistenceColumns && e.hasPersistenceData()) {
            return start + left(destination, 16) + " " + left(e.peName(), 18) + " " + e.peData();
        }
        return start + destination;
    }

    /** "01:47"; minutes are not capped ("29:56" for a 1800 s template). */
    private static String expires(long seconds) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
