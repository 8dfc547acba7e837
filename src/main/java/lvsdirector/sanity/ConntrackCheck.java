package lvsdirector.sanity;

import lvsdirector.config.DirectorConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * With net.ipv4.vs.conntrack=0 IPVS keeps its connections out of netfilter's connection tracking, so stateful
 * firewall rules (ESTABLISHED/RELATED) and SNAT/MASQUERADE on this host do not see them as belonging to a
 * connection and drop or fail to translate their packets.
 *
 * <p>The probe: the rules themselves may live in iptables-legacy or nftables and are not readable from /proc,
 * so the evidence is what they leave behind. Any one of these counts:
 * <ul>
 *   <li>the legacy "nat" table exists (/proc/net/ip_tables_names, ip6_tables_names);</li>
 *   <li>nf_nat is used by a module other than ip_vs_ftp (nft_chain_nat, iptable_nat, xt_MASQUERADE...);</li>
 *   <li>a conntrack match module is loaded (xt_conntrack, xt_state, nft_ct), which happens only when a rule
 *       needs it;</li>
 *   <li>netfilter is tracking connections in this namespace (nf_conntrack_count &gt; 0), which it does only
 *       when some rule asked for tracking, since IPVS itself does not with conntrack=0.</li>
 * </ul>
 * nf_conntrack being loaded proves nothing (ip_vs depends on it). Modules stay loaded after their rules are
 * removed, so the finding says what was seen and lets the operator judge.
 */
final class ConntrackCheck implements SanityCheck {
    static final String VS_CONNTRACK = "/proc/sys/net/ipv4/vs/conntrack";
    static final String CONNTRACK_COUNT = "/proc/sys/net/netfilter/nf_conntrack_count";
    private static final List<String> MATCH_MODULES = List.of("xt_conntrack", "xt_state", "nft_ct");

    @Override
    public List<Finding> check(DirectorConfig config, SystemFiles files) {
        if (config.virtuals().isEmpty() || !files.value(VS_CONNTRACK).map("0"::equals).orElse(false)) {
            return List.of();
        }
        List<String> evidence = evidence(files);
        if (evidence.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding("net.ipv4.vs.conntrack=0 while this host uses connection tracking ("
                + String.join("; ", evidence) + "): stateful firewall and NAT rules will not match IPVS traffic",
                "sysctl -w net.ipv4.vs.conntrack=1 (and set it in /etc/sysctl.conf), or drop the stateful/NAT rules"));
    }

    static List<String> evidence(SystemFiles files) {
        List<String> evidence = new ArrayList<>();
        for (String tables : List.of("/proc/net/ip_tables_names", "/proc/net/ip6_tables_names")) {
            if (files.read(tables).map(t -> t.lines().anyMatch(l -> l.trim().equals("nat"))).orElse(false)) {
                evidence.add("nat table in " + tables);
            }
        }
        KernelModules modules = new KernelModules(files);
        List<String> natUsers = modules.users("nf_nat").stream().filter(u -> !u.equals("ip_vs_ftp")).toList();
        if (!natUsers.isEmpty()) {
            evidence.add("nf_nat used by " + String.join(",", natUsers));
        }
        for (String module : MATCH_MODULES) {
            if (modules.loaded(module)) {
                evidence.add("module " + module + " loaded");
            }
        }
        trackedConnections(files).filter(n -> n > 0)
                .ifPresent(n -> evidence.add(n + " connections tracked by netfilter"));
        return evidence;
    }

    private static Optional<Long> trackedConnections(SystemFiles files) {
        try {
            return files.value(CONNTRACK_COUNT).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
