package lvsdirector.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.LongStream;
import lvsdirector.check.PingCheck;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.director.CheckPlanner;
import lvsdirector.support.ProcessCredentials;

/**
 * Before the kernel backend starts: does this process hold the capabilities it will need? CAP_NET_ADMIN
 * for IPVS always; CAP_NET_RAW when a check pings (ICMP) and net.ipv4.ping_group_range does not admit
 * any of the process's groups to unprivileged ping sockets. Read from {@code /proc/self/status}
 * (CapEff, Gid, Groups), so a missing capability is one clear line instead of a failed netlink call.
 */
final class CapabilityCheck {
    static final Path PROC_STATUS = Path.of("/proc/self/status");
    static final Path PING_GROUP_RANGE = Path.of("/proc/sys/net/ipv4/ping_group_range");

    private CapabilityCheck() {}

    /** This process against {@code config}; empty when everything needed is held (or cannot be told). */
    static Optional<String> missingFor(DirectorConfig config) {
        String status;
        try {
            status = read(PROC_STATUS);
        } catch (IOException e) {
            // no /proc: the backend's own errors will have to say it
            return Optional.empty();
        }
        String range;
        try {
            range = read(PING_GROUP_RANGE);
        } catch (IOException e) {
            range = "1 0";
        }
        return missing(status, range, pings(config));
    }

    /**
     * Reads a /proc file to its end. Not Files.readString: on sysctl files (size 0) it returned only the
     * first byte ("1" of "1\t0") on JDK 17.
     */
    static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /**
     * @param procStatus     the text of /proc/PID/status
     * @param pingGroupRange the text of net.ipv4.ping_group_range ("1\t0": nobody)
     * @param pings          whether a configured check sends ICMP echo requests
     * @return the one line to print and log when a capability is missing
     */
    static Optional<String> missing(String procStatus, String pingGroupRange, boolean pings) {
        ProcessCredentials creds;
        try {
            creds = ProcessCredentials.parse(procStatus);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String who = "this process (uid " + creds.uid() + ")";
        if (!creds.hasEffective(ProcessCredentials.CAP_NET_ADMIN)) {
            return Optional.of("cannot start: the kernel IPVS backend needs CAP_NET_ADMIN, which " + who + " does not"
                    + " have; run it as root or grant it in its systemd unit with"
                    + " AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW (as lvs-ldirectord.service does)");
        }
        if (pings && !creds.hasEffective(ProcessCredentials.CAP_NET_RAW) && !pingSocketsAllowed(procStatus, pingGroupRange)) {
            return Optional.of("cannot start: ping checks (checktype=ping, or connect on a UDP virtual) need CAP_NET_RAW,"
                    + " which " + who + " does not have, and net.ipv4.ping_group_range (" + pingGroupRange.strip()
                    .replaceAll("\\s+", " ") + ") admits none of its groups; grant it in its systemd unit with"
                    + " AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW, run it as root, or widen ping_group_range");
        }
        return Optional.empty();
    }

    /** Whether a check of the configuration pings (what the director will plan for it). */
    static boolean pings(DirectorConfig config) {
        for (VirtualConfig virtual : config.virtuals()) {
            for (RealConfig real : virtual.reals()) {
                if (CheckPlanner.plan(virtual, real, config.globals()).spec() instanceof PingCheck) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The kernel admits a ping socket when the effective gid or a supplementary group is in the range. */
    static boolean pingSocketsAllowed(String procStatus, String pingGroupRange) {
        long[] bounds;
        try {
            bounds = Arrays.stream(pingGroupRange.strip().split("\\s+")).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            return false;
        }
        if (bounds.length != 2 || bounds[0] > bounds[1]) {
            return false;
        }
        return groups(procStatus).anyMatch(g -> g >= bounds[0] && g <= bounds[1]);
    }

    private static LongStream groups(String procStatus) {
        LongStream.Builder ids = LongStream.builder();
        for (String line : procStatus.lines().toList()) {
            if (line.startsWith("Gid:")) {
                ids.add(Long.parseLong(line.substring(4).strip().split("\\s+")[1]));
            } else if (line.startsWith("Groups:") && !line.substring(7).isBlank()) {
                Arrays.stream(line.substring(7).strip().split("\\s+")).mapToLong(Long::parseLong).forEach(ids::add);
            }
        }
        return ids.build();
    }
}
