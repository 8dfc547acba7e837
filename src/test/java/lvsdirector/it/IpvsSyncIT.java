package lvsdirector.it;

import java.time.Clock;
import lvsdirector.daemon.StatePersistenceStore;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateSettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lvsdirector.ipvs.sync.ConnectionRow;
import lvsdirector.ipvs.sync.ConnectionTableReader;
import lvsdirector.ipvs.sync.PersistenceSnapshot;
import lvsdirector.ipvs.sync.PersistenceSnapshotJson;
import lvsdirector.ipvs.sync.PersistenceTemplate;
import lvsdirector.ipvs.sync.TemplateProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * IPVS connection sync on a real kernel (one UML): drbd-sync runs the BACKUP daemon, the director's
 * restore step injects a snapshot's valid templates through it (TCP, UDP, fwmark; expired, unknown and
 * down ones left out), the injected templates steer real clients, and the snapshot step reads back the
 * templates real traffic made.
 */
class IpvsSyncIT {
    private static final String DIRECTOR = "ip netns exec director ";

    @Test
    @Timeout(300)
    void backupDaemonRestoreAndSnapshotOnARealKernel() throws Exception {
        Directors.requirePackagedDirector();
        try (UmlAgent uml = UmlAgent.boot(280)) {
            Path dir = uml.dir();
            Files.createDirectories(dir.resolve("state"));
            // no DRBD in this kernel: the snapshot lives in the node-local state directory
            Files.writeString(dir.resolve("lvs-director.conf"), "sync_interface = sync0\nsync_id = 7\n"
                    + "state_directory = " + dir.resolve("drbd-state") + "\nlocal_state_directory = " + dir.resolve("state")
                    + "\n");
            Files.writeString(dir.resolve("sync.cf"), """
                    checktimeout = 3
                    virtual = 10.0.1.100:80
                        real = 10.0.2.11:80 masq
                        real = 10.0.2.12:80 masq
                        real = 10.0.2.13:80 masq
                        scheduler = rr
                        persistent = 300
                        checktype = on
                    virtual = 10.0.1.100:53
                        real = 10.0.2.11:53 masq
                        protocol = udp
                        scheduler = rr
                        persistent = 300
                        checktype = on
                    virtual = 1
                        real = 10.0.2.13:80 masq
                        protocol = fwm
                        scheduler = rr
                        persistent = 300
                        checktype = on
                    """);
            uml.ok("scripts/uml/rig.sh traffic-topology");
            uml.ok(DIRECTOR + "ip link add sync0 type veth peer name sync1 && " + DIRECTOR
                    + "ip addr add 192.168.77.1/24 dev sync0 && " + DIRECTOR + "ip link set sync0 up && "
                    + DIRECTOR + "ip link set sync1 up");
            uml.ok(DIRECTOR + "ipvsadm -A -t 10.0.1.100:80 -s rr -p 300 && "
                    + DIRECTOR + "ipvsadm -a -t 10.0.1.100:80 -r 10.0.2.11:80 -m -w 1 && "
                    + DIRECTOR + "ipvsadm -a -t 10.0.1.100:80 -r 10.0.2.12:80 -m -w 1 && "
                    + DIRECTOR + "ipvsadm -a -t 10.0.1.100:80 -r 10.0.2.13:80 -m -w 0 && "
                    + DIRECTOR + "ipvsadm -A -u 10.0.1.100:53 -s rr -p 300 && "
                    + DIRECTOR + "ipvsadm -a -u 10.0.1.100:53 -r 10.0.2.11:53 -m -w 1 && "
                    + DIRECTOR + "ipvsadm -A -f 1 -s rr -p 300 && "
                    + DIRECTOR + "ipvsadm -a -f 1 -r 10.0.2.13:80 -m -w 1");

            // the backup daemon, started and kept by our service
            String java = "env PATH=" + System.getProperty("java.home") + "/bin:$PATH LVS_DIRECTOR_JAVA_OPTS='-Djna.tmpdir="
                    + dir.resolve("jna") + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC' ";
            String drbdSync = DIRECTOR + java + UmlAgent.HOME.resolve("scripts/drbd-sync");
            String conf = " --config " + dir.resolve("lvs-director.conf") + " --run-dir " + dir;
            assertThat(uml.ok(drbdSync + " start" + conf)).contains("drbd-sync started (pid ");
            assertThat(uml.ok(drbdSync + " sync-status"))
                    .contains("backup sync daemon (mcast=sync0, syncid=7, maxlen=", "group=224.0.0.81, port=8848, ttl=1)");

            long now = Long.parseLong(uml.ok("scripts/uml/rig.sh now").trim());
            writeSnapshot(dir.resolve("state"), new PersistenceSnapshot("nodeA", now - 20_000, List.of(
                            tcp("10.0.1.20", "10.0.1.100", "10.0.2.12", now + 120_000),
                            tcp("10.0.1.21", "10.0.1.100", "10.0.2.11", now + 150_000),
                            new PersistenceTemplate(TemplateProtocol.UDP, ip("10.0.1.22"), ip("10.0.1.100"), 53, 0,
                                    ip("10.0.2.11"), 53, "NONE", now + 200_000),
                            new PersistenceTemplate(TemplateProtocol.IP, ip("10.0.1.23"), ip("0.0.0.1"), 0, 1,
                                    ip("10.0.2.13"), 0, "ASSURED", now + 250_000),
                            tcp("10.0.1.30", "10.0.1.100", "10.0.2.11", now - 5_000),
                            tcp("10.0.1.31", "10.0.1.200", "10.0.2.11", now + 100_000),
                            tcp("10.0.1.32", "10.0.1.100", "10.9.9.9", now + 100_000),
                            tcp("10.0.1.33", "10.0.1.100", "10.0.2.13", now + 100_000))));

            String tool = DIRECTOR + System.getProperty("java.home") + "/bin/java -Djna.tmpdir=" + dir.resolve("jna") + " -XX:TieredStopAtLevel=1"
                    + " --enable-native-access=ALL-UNNAMED -Dlvsdirector.siteconfig=" + dir.resolve("lvs-director.conf")
                    + " -cp " + UmlAgent.HOME.resolve("target/test-classes") + ":" + UmlAgent.HOME.resolve("target/classes")
                    + ":'" + UmlAgent.HOME.resolve("target/lib") + "/*' " + ConnectionSyncTool.class.getName();
            long restoreStart = Long.parseLong(uml.ok("scripts/uml/rig.sh now").trim());
            String restored = uml.ok(tool + " restore " + dir.resolve("sync.cf"));
            System.out.println("[IpvsSyncIT] " + restored.strip().replace("\n", "\n[IpvsSyncIT] "));
            assertThat(restored).contains("Started IPVS sync master on sync0 (syncid 7)",
                    "Restored 4 persistence templates (skipped: 1 expired, 1 unknown virtual, 1 unknown real, "
                            + "1 real down) from nodeA in 1 datagram");
            assertThat(uml.ok(DIRECTOR + "ipvsadm -L -n --daemon"))
                    .contains("master sync daemon (mcast=sync0, syncid=7", "backup sync daemon (mcast=sync0, syncid=7");

            // the kernel delivers looped-back sync datagrams to its backup thread asynchronously
            Map<String, ConnectionRow> templates = Map.of();
            for (int i = 0; i < 50 && templates.size() < 4; i++) {
                Thread.sleep(100);
                templates = ConnectionTableReader.parse(uml.ok(DIRECTOR + "cat /proc/net/ip_vs_conn_sync")).stream()
                        .filter(ConnectionRow::isTemplate)
                        .collect(Collectors.toMap(r -> r.client().getHostAddress(), r -> r));
            }
            assertThat(templates.keySet()).containsExactlyInAnyOrder("10.0.1.20", "10.0.1.21", "10.0.1.22", "10.0.1.23");
            long tableRead = Long.parseLong(uml.ok("scripts/uml/rig.sh now").trim());
            assertThat(templates.values()).allSatisfy(r -> assertThat(r.origin()).contains("SYNC"));
            // the kernel got the lifetime left at injection time (between restoreStart and tableRead)
            assertRemaining(templates.get("10.0.1.20"), now + 120_000, restoreStart, tableRead);
            assertRemaining(templates.get("10.0.1.22"), now + 200_000, restoreStart, tableRead);
            assertRemaining(templates.get("10.0.1.23"), now + 250_000, restoreStart, tableRead);
            assertThat(templates.get("10.0.1.20").destination()).isEqualTo(ip("10.0.2.12"));
            assertThat(templates.get("10.0.1.22").protocol()).isEqualTo("UDP");
            assertThat(templates.get("10.0.1.23").protocol()).isEqualTo("IP");
            assertThat(templates.get("10.0.1.23").virtualAddress()).isEqualTo(ip("0.0.0.1"));

            // injected templates steer real clients: 10.0.1.20 to rs2 and 10.0.1.21 to rs1, every time
            uml.ok("ip -n client addr add 10.0.1.20/24 dev eth0 && ip -n client addr add 10.0.1.21/24 dev eth0");
            assertThat(requestsFrom(uml, "10.0.1.20", 4)).containsExactly("rs2", "rs2", "rs2", "rs2");
            assertThat(requestsFrom(uml, "10.0.1.21", 4)).containsExactly("rs1", "rs1", "rs1", "rs1");

            // traffic of a new client makes a LOCAL template; the snapshot step stores it with absolute expiry
            List<String> fresh = requestsFrom(uml, "10.0.1.10", 3);
            assertThat(fresh).hasSize(3).containsOnly(fresh.get(0)).doesNotContain("FAIL");
            long before = Long.parseLong(uml.ok("scripts/uml/rig.sh now").trim());
            assertThat(uml.ok(tool + " snapshot " + dir.resolve("sync.cf"))).contains("Stopped IPVS sync master");
            PersistenceSnapshot saved = store(dir.resolve("state")).load().orElseThrow();
            PersistenceTemplate mine = saved.templates().stream()
                    .filter(t -> t.client().equals(ip("10.0.1.10"))).findFirst().orElseThrow();
            assertThat(mine.real()).isEqualTo(ip("10.0.2.1" + fresh.get(0).substring(2)));
            assertThat(mine.expiresAtMs() - before).isBetween(290_000L, 310_000L);
            assertThat(saved.templates()).extracting(t -> t.client().getHostAddress())
                    .contains("10.0.1.20", "10.0.1.21", "10.0.1.22", "10.0.1.23");
            assertThat(uml.ok(DIRECTOR + "ipvsadm -L -n --daemon")).doesNotContain("master");

            assertThat(uml.ok(drbdSync + " stop" + conf)).contains("drbd-sync stopped");
            assertThat(uml.ok(DIRECTOR + "ipvsadm -L -n --daemon")).doesNotContain("backup");
        }
    }

    private static void assertRemaining(ConnectionRow row, long expiresAt, long earliest, long latest) {
        assertThat(row.expiresSeconds()).as("expiry of %s", row.client())
                .isBetween((expiresAt - latest) / 1000 - 1, (expiresAt - earliest) / 1000);
    }

    private static List<String> requestsFrom(UmlAgent uml, String source, int count) throws Exception {
        return uml.ok("ip netns exec client python3 src/test/resources/it/http-client.py http://10.0.1.100/ "
                + count + " " + source).lines().toList();
    }

    private static PersistenceTemplate tcp(String client, String vip, String real, long expiresAt) {
        return new PersistenceTemplate(TemplateProtocol.TCP, ip(client), ip(vip), 80, 0, ip(real), 80, "ASSURED",
                expiresAt);
    }

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The node-local state directory as the director uses it (no DRBD here), writing as nodeA. */
    private static StatePersistenceStore store(Path stateDir) {
        return new StatePersistenceStore(new StateDirectory(new StateSettings(null, stateDir, "r0", Path.of("/dev/drbd0"),
                Path.of("/proc/drbd"), Path.of("/proc/mounts"), "nodeA"), Clock.systemUTC()));
    }

    private static void writeSnapshot(Path stateDir, PersistenceSnapshot snapshot) throws Exception {
        store(stateDir).save(snapshot);
    }
}
