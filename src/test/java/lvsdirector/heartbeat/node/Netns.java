package lvsdirector.heartbeat.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two network namespaces joined by a veth pair, each side named eth0 with 10.200.0.1/24 and 10.200.0.2/24
 * (addresses that exist only inside the namespaces this test creates). Deleted by {@link #close}.
 */
final class Netns implements AutoCloseable {
    static final String ADDRESS_A = "10.200.0.1";
    static final String ADDRESS_B = "10.200.0.2";

    final String a;
    final String b;

    private Netns(String a, String b) {
        this.a = a;
        this.b = b;
    }

    static Netns create() throws IOException, InterruptedException {
        String tag = Long.toString(ProcessHandle.current().pid());
        Netns ns = new Netns("hbitA" + tag, "hbitB" + tag);
        ns.close();
        String vethA = "hbva" + tag;
        String vethB = "hbvb" + tag;
        run("ip", "netns", "add", ns.a);
        run("ip", "netns", "add", ns.b);
        run("ip", "link", "add", vethA, "type", "veth", "peer", "name", vethB);
        run("ip", "link", "set", vethA, "netns", ns.a);
        run("ip", "link", "set", vethB, "netns", ns.b);
        ns.side(ns.a, vethA, ADDRESS_A);
        ns.side(ns.b, vethB, ADDRESS_B);
        return ns;
    }

    private void side(String name, String veth, String address) throws IOException, InterruptedException {
        run("ip", "-n", name, "link", "set", veth, "name", "eth0");
        run("ip", "-n", name, "addr", "add", address + "/24", "brd", "+", "dev", "eth0");
        run("ip", "-n", name, "link", "set", "lo", "up");
        run("ip", "-n", name, "link", "set", "eth0", "up");
    }

    static final String IPTABLES = "/usr/sbin/iptables";

    /**
     * Cuts (or heals) the heartbeat traffic between the two namespaces: each drops every UDP packet to port
     * 694 it receives, so both nodes keep running and sending, as in a real network partition.
     */
    void partition(boolean cut) throws IOException, InterruptedException {
        for (String ns : List.of(a, b)) {
            run("ip", "netns", "exec", ns, IPTABLES, cut ? "-I" : "-D", "INPUT", "-p", "udp", "--dport", "694", "-j", "DROP");
        }
    }

    /** {@code ip netns exec NS} followed by {@code command}. */
    List<String> exec(String ns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return full;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (String ns : List.of(a, b)) {
            if (Path.of("/run/netns", ns).toFile().exists()) {
                run("ip", "netns", "del", ns);
            }
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
        }
        return out;
    }
}
