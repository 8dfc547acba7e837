package lvsdirector.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lvsdirector.testing.RealParts;

/**
 * Two user-mode-linux kernels, {@code nodea} and {@code nodeb}, each running the agent of {@link UmlAgent},
 * whose eth0s share one private Ethernet segment: a {@code uml_switch} listening on a unix socket, or, for a
 * kernel without uml_switch's transport (scripts/uml-install), a cable of L2TPv3 in UDP between two loopback ports
 * (never UML's mcast transport, which would reach the host's network); scripts/uml-run picks. Addresses are the
 * test's business; the MACs are fixed ({@link #mac(int)}) so captures and neighbour tables are predictable.
 */
final class UmlPair implements AutoCloseable {
    private final Path dir;
    private final Process uswitch;
    private final UmlAgent a;
    private final UmlAgent b;

    private UmlPair(Path dir, Process uswitch, UmlAgent a, UmlAgent b) {
        this.dir = dir;
        this.uswitch = uswitch;
        this.a = a;
        this.b = b;
    }

    /** Boots both kernels in parallel; {@code environment} goes to both (e.g. UML_DRBD=1, UML_MEM). */
    static UmlPair boot(int limitSeconds, Map<String, String> environment) throws IOException, InterruptedException {
        RealParts.assume(RealParts.executable("/usr/bin/uml_switch"), "uml_switch (Debian package uml-utilities)");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "uml-pair");
        Path control = dir.resolve("switch.ctl");
        Process uswitch = new ProcessBuilder("uml_switch", "-unix", control.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("switch.log").toFile()).start();
        UmlAgent first = null;
        try {
            for (int i = 0; i < 100 && !Files.exists(control); i++) {
                Thread.sleep(50);
            }
            if (!Files.exists(control)) {
                throw new IllegalStateException("uml_switch did not create " + control + ": " + Files.readString(dir.resolve("switch.log")));
            }
            int portA = freeUdpPort();
            int portB = freeUdpPort();
            while (portB == portA) {
                portB = freeUdpPort();
            }
            first = UmlAgent.boot(limitSeconds, environment(environment, control, portA + ":" + portB, "nodea", 1));
            UmlAgent second = UmlAgent.boot(limitSeconds, environment(environment, control, portB + ":" + portA, "nodeb", 2));
            return new UmlPair(dir, uswitch, first, second);
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (first != null) {
                first.close();
            }
            uswitch.destroyForcibly();
            throw e;
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> environment(Map<String, String> common, Path control, String link, String hostname,
                                                   int index) {
        Map<String, String> env = new HashMap<>(common);
        env.put("UML_SWITCH", control.toString());
        env.put("UML_LINK", link);
        env.put("UML_HOSTNAME", hostname);
        env.put("UML_MAC", mac(index));
        return env;
    }

    /** eth0's MAC of node {@code index} (1 = nodea, 2 = nodeb): locally administered, unicast. */
    static String mac(int index) {
        return String.format("02:00:0a:4d:00:%02x", index);
    }

    /** A private directory of this pair on the shared /tmp (both kernels see it); deleted on close. */
    Path dir() {
        return dir;
    }

    UmlAgent a() {
        return a;
    }

    UmlAgent b() {
        return b;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            try {
                a.close();
            } finally {
                b.close();
            }
        } finally {
            uswitch.destroyForcibly();
            uswitch.waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
