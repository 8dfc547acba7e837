package lvsdirector.cli.drbdsync;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lvsdirector.state.DrbdStatus;
import lvsdirector.state.SplitBrainMarker;

/**
 * The DRBD half of {@code drbd-sync status}: role, connection, disks and resync of one resource, and
 * whether it is in split brain (the handler's marker, or StandAlone while a peer is configured), with the
 * seed's guided recovery filled in with the node names. The handler's marker dates the split brain and
 * stands in for the peer's name when {@code drbdadm dump} cannot tell it; on its own it proves nothing,
 * since it stays behind after the recovery.
 *
 * @param hosts the resource's configured hosts (from {@code drbdadm dump}); may be empty when unknown
 * @param stateDir printed in the recovery, since a victim must unmount before it can become Secondary
 */
record DrbdReport(String resource, int minorNumber, Optional<DrbdStatus> drbd, String node, List<String> hosts,
                  Optional<SplitBrainMarker> marker, String stateDir) {
    Optional<DrbdStatus.Minor> minor() {
        return drbd.flatMap(d -> d.minor(minorNumber)).filter(DrbdStatus.Minor::configured);
    }

    Optional<String> peer() {
        return hosts.stream().filter(h -> !h.equals(node)).findFirst();
    }

    DrbdVerdict verdict() {
        Optional<DrbdStatus.Minor> m = minor();
        if (m.isEmpty()) {
            return DrbdVerdict.NOT_CONFIGURED;
        }
        String cs = m.get().connection();
        // DRBD drops to StandAlone on an unresolved split brain and stays there; a marker seen in any other
        // state is history (resolved, or this side already ran its part of the recovery)
        if (cs.equals("StandAlone") && (marker.isPresent() || peer().isPresent())) {
            return DrbdVerdict.SPLIT_BRAIN;
        }
        boolean upToDate = "UpToDate".equals(m.get().localDisk()) && "UpToDate".equals(m.get().peerDisk());
        return cs.equals("Connected") && upToDate || cs.startsWith("Verify") ? DrbdVerdict.HEALTHY : DrbdVerdict.DEGRADED;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        Optional<DrbdStatus.Minor> found = minor();
        if (found.isEmpty()) {
            out.add("DRBD " + resource + ": not configured here (" + (drbd.isEmpty() ? "no /proc/drbd: drbd module not loaded"
                    : "minor " + minorNumber + " is not set up; drbdadm up " + resource) + ")");
            return out;
        }
        DrbdStatus.Minor m = found.get();
        String peerName = peer().orElse("peer");
        out.add("DRBD " + resource + " (minor " + minorNumber + ") on " + node + ": role " + m.localRole()
                + ", " + peerName + " " + m.peerRole());
        out.add("  connection: " + m.connection());
        out.add("  disk:       " + m.localDisk() + ", " + peerName + " " + m.peerDisk());
        if (m.resync() != null) {
            out.add("  " + (m.resync().kind().equals("verified") ? "verify:     " : "resync:     ") + ProgressBar.render(m.resync()));
        }
        marker.ifPresent(k -> out.add("  split-brain handler: " + k.at() + " " + k.message() + history(m)));
        if (verdict() == DrbdVerdict.SPLIT_BRAIN) {
            out.addAll(recovery(m));
        }
        return out;
    }

    private String history(DrbdStatus.Minor m) {
        if (verdict() == DrbdVerdict.SPLIT_BRAIN) {
            return "";
        }
        return m.connection().equals("Connected") ? " (resolved since: connected)" : " (earlier; now cs:" + m.connection() + ")";
    }

    /** The seed's recovery: the survivor keeps its data; the victim discards what it wrote since the split. */
    private List<String> recovery(DrbdStatus.Minor m) {
        String peerName = peer().orElse("the peer");
        boolean keepHere = m.primary() || peer().isEmpty();
        String survivor = keepHere ? node : peerName;
        String victim = keepHere ? peerName : node;
        String why = marker.isPresent() ? "the split-brain handler reported it" : "cs:StandAlone while " + peerName + " is configured";
        List<String> out = new ArrayList<>();
        out.add("SPLIT BRAIN on DRBD " + resource + " (" + why + "): the nodes' data diverged and DRBD will not reconnect.");
        out.add("Guided recovery, keeping " + survivor + "'s data (" + victim + "'s changes since the split are discarded):");
        out.add("  on " + victim + " (victim):   umount " + stateDir + " (if mounted); drbdadm secondary " + resource
                + "; drbdadm connect --discard-my-data " + resource);
        out.add("  on " + survivor + " (survivor): drbdadm connect " + resource);
        out.add("To keep " + victim + "'s data instead, swap the two nodes. Afterwards both show cs:Connected "
                + "ds:UpToDate/UpToDate once the victim's resync is done.");
        return out;
    }
}
