package lvsdirector.heartbeat.vip;

import java.time.Duration;

/**
 * The three built-in address agents and how each announces a newly added address (heartbeat-protocol.md §6):
 * IPaddr runs {@code send_arp -i 500 -r 10}, i.e. ten rounds of (ARP request, 250 ms, ARP reply, 250 ms);
 * IPaddr2 runs {@code send_arp -i 200 -r 5}, five rounds at 100 ms spacing; IPv6addr sends unsolicited neighbour
 * advertisements, five of them 200 ms apart (IPaddr2's arp_count and arp_interval defaults, which it hands to
 * send_ua for IPv6 addresses).
 */
public enum VipKind {
    IPADDR("IPaddr", 10, Duration.ofMillis(250)),
    IPADDR2("IPaddr2", 5, Duration.ofMillis(100)),
    IPV6ADDR("IPv6addr", 5, Duration.ofMillis(200));

    private final String script;
    private final int rounds;
    private final Duration spacing;

    VipKind(String script, int rounds, Duration spacing) {
        this.script = script;
        this.rounds = rounds;
        this.spacing = spacing;
    }

    /** The haresources script name, e.g. {@code IPaddr2}. */
    public String script() {
        return script;
    }

    /** Rounds of announcement: (request, reply) pairs for ARP, single advertisements for IPv6. */
    public int rounds() {
        return rounds;
    }

    /** Time between two consecutive frames. */
    public Duration spacing() {
        return spacing;
    }

    public static java.util.Optional<VipKind> forScript(String script) {
        for (VipKind k : values()) {
            if (k.script.equals(script)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
