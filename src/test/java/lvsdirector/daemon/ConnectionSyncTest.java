package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lvsdirector.config.ConfigParser;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.ParseMode;
import lvsdirector.config.ParseResult;
import lvsdirector.config.ParserOptions;
import lvsdirector.config.SiteConfig;
import lvsdirector.director.DirectorSnapshot;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.ipvs.kernel.SyncDaemon;
import lvsdirector.ipvs.kernel.SyncDaemonControl;
import lvsdirector.ipvs.memory.InMemoryIpvsBackend;
import lvsdirector.ipvs.sync.PersistenceSnapshot;
import lvsdirector.ipvs.sync.PersistenceTemplate;
import lvsdirector.ipvs.sync.SyncEntry;
import lvsdirector.ipvs.sync.TemplateProtocol;
import lvsdirector.state.HealthRecord;
import lvsdirector.state.HealthStore;
import lvsdirector.state.Overrides;
import lvsdirector.state.ServerRef;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSyncTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final String CF = """
            logfile = "local0"
            virtual = 10.0.1.100:80
                real = 10.0.2.11:80 masq
                real = 10.0.3.12:80 masq
                scheduler = rr
                persistent = 300
                checktype = on
            """;
    private static final String TABLE = """
            Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Origin Expires
            TCP 0A00010C 0000 0A000164 0050 0A00030C 0050 ASSURED     SYNC       200
            TCP 0A00010A A35C 0A000164 0050 0A00020B 0050 TIME_WAIT   LOCAL      119
            TCP 0A00010D 0000 0A000164 0050 0A00020B 0050 NONE        LOCAL       42
            """;
    private static final SiteConfig SITE = new SiteConfig(Optional.of("eth9"), 7, Optional.of(1400),
            SiteConfig.DEFAULT_SYNC_GROUP, 8848, 1, Path.of("/nonexistent"), Path.of("/nonexistent"), "r0",
            Path.of("/dev/drbd0"), Duration.ofSeconds(5), Optional.empty());

    @TempDir
    Path dir;
    private final FakeControl control = new FakeControl();
    private final List<List<SyncEntry>> sent = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private FilePersistenceStore store;
    private Path table;
    private ConnectionSync sync;

    @BeforeEach
    void setUp() throws Exception {
        store = new FilePersistenceStore(dir.resolve("persistence.json"));
        table = dir.resolve("ip_vs_conn_sync");
        Files.writeString(table, TABLE);
        sync = new ConnectionSync(SITE, control, store, table, entries -> {
            sent.add(entries);
            return 1;
        }, "nodeB", () -> NOW, log::add);
    }

    @Test
    void masterStartsWithTheSiteSettingsAndARunningOneIsAccepted() {
        sync.startMaster();
        control.failStartWith = IpvsException.Errno.EEXIST;
        sync.startMaster();

        assertThat(control.started).containsExactly(new SyncDaemon(DaemonState.MASTER, "eth9", 7, 1400,
                SiteConfig.DEFAULT_SYNC_GROUP, 8848, 1));
        assertThat(log).containsExactly("Started IPVS sync master on eth9 (syncid 7)", "IPVS sync master already running");
    }

    @Test
    void restoreInjectsOnlyWhatIsValidAndMissingAndLogsWhy() throws Exception {
        store.save(new PersistenceSnapshot("nodeA", NOW - 10_000, List.of(
                template("10.0.1.10", "10.0.2.11", NOW + 250_500),   // restored, 250 s left
                template("10.0.1.11", "10.0.2.11", NOW - 1_000),     // expired
                template("10.0.1.12", "10.0.2.11", NOW + 100_000),   // the kernel has it from live sync
                template("10.0.1.14", "10.0.3.12", NOW + 100_000),   // rs2 is at weight 0: down
                template("10.0.1.15", "10.0.9.9", NOW + 100_000)))); // no such real any more

        assertThat(sync.restore(config(), backendWithRs2Down())).isPresent();

        assertThat(sent).singleElement().satisfies(entries -> assertThat(entries).containsExactly(
                SyncEntry.template(6, 1, 80, 80, 0, 250, ip("10.0.1.10"), ip("10.0.1.100"), ip("10.0.2.11"))));
        assertThat(log).singleElement().asString().startsWith("Restored 1 persistence template (skipped: 1 expired, "
                + "1 unknown real, 1 real down, 1 already present) from nodeA in 1 datagram, ");
    }

    @Test
    void liveSyncedTemplatesAreSentAgainOnceTheTableExistsSoTheKernelBindsThem() throws Exception {
        // learnt by the backup daemon while this node's director was a standby without a table: unbound
        Files.writeString(table, """
                Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Origin Expires
                TCP 0A000114 0000 0A000164 0050 0A00020B 0050 ASSURED     SYNC       180
                TCP 0A000115 0000 0A000164 0050 0A00030C 0050 ASSURED     SYNC       170
                TCP 0A000116 0000 0A000164 0050 0A00020B 0050 ASSURED     LOCAL      160
                TCP 0A000117 0000 0A0001C8 0050 0A00020B 0050 ASSURED     SYNC       150
                """);
        store.save(new PersistenceSnapshot("nodeA", NOW - 3_000, List.of(template("10.0.1.20", "10.0.2.11", NOW + 200_000))));

        sync.restore(config(), backendWithRs2Down());

        // .20 again as it is; .21's real is down, .22 is this kernel's own, .23's virtual is unknown
        assertThat(sent.get(0)).containsExactly(
                SyncEntry.template(6, 1, 80, 80, 0, 180, ip("10.0.1.20"), ip("10.0.1.100"), ip("10.0.2.11")));
        assertThat(sent.subList(1, sent.size())).allSatisfy(entries -> assertThat(entries).isEmpty());
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).isEqualTo("Re-sent 1 live-synced persistence template to bind them to their real servers"
                + " (skipped: 1 unknown virtual, 1 real down) in 1 datagram");
        assertThat(log.get(1)).startsWith("Restored 0 persistence templates (skipped: 1 already present) from nodeA");
    }

    @Test
    void restoreSkipsTheTemplatesOfDrainedRealsAndOfRealsHealthJsonSaysAreDown() throws Exception {
        StateDirectory local = new StateDirectory(new StateSettings(null, dir.resolve("local"), "r0",
                Path.of("/dev/drbd0"), dir.resolve("no-drbd"), dir.resolve("no-mounts"), "nodeB"), Clock.systemUTC());
        new HealthStore(local).save(new HealthRecord(List.of(
                new HealthRecord.RealHealth("tcp:10.0.1.100:80", "10.0.2.11:80", false, Instant.EPOCH))));
        Overrides drained = Overrides.NONE.drain(ServerRef.parse("10.0.3.12"), null, "alice", Instant.EPOCH);
        ConnectionSync withState = new ConnectionSync(SITE, control, store, table, entries -> {
            sent.add(entries);
            return 1;
        }, "nodeB", () -> NOW, log::add, () -> drained,
                Optional.of(new ConnectionSyncHealth(() -> DirectorSnapshot.EMPTY, new HealthStore(local), log::add)));
        store.save(new PersistenceSnapshot("nodeA", NOW - 10_000, List.of(
                template("10.0.1.10", "10.0.2.11", NOW + 250_500),     // down in health.json, not checked here yet
                template("10.0.1.14", "10.0.3.12", NOW + 100_000))));  // drained, so at weight 0 in the table

        withState.restore(config(), backendWithRs2Down());

        assertThat(sent).singleElement().satisfies(entries -> assertThat(entries).isEmpty());
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).startsWith("Last known health (health.json of nodeB, seq 1): 1 real server down");
        assertThat(log.get(1)).startsWith("Restored 0 persistence templates (skipped: 1 real down, 1 drained) from nodeA");
    }

    @Test
    void restoreWithoutSnapshotSendsNothing() throws Exception {
        assertThat(sync.restore(config(), backendWithRs2Down())).isEmpty();
        assertThat(sent).isEmpty();
        assertThat(log).containsExactly("No persistence snapshot to restore");
    }

    @Test
    void unreadableSnapshotIsLoggedNotThrown() throws Exception {
        Files.writeString(dir.resolve("persistence.json"), "{\"format\":9}");
        assertThat(sync.restore(config(), backendWithRs2Down())).isEmpty();
        assertThat(log).containsExactly(
                "Cannot restore persistence templates: unknown persistence snapshot format 9, expected 1");
    }

    @Test
    void snapshotStoresTheKernelTemplatesWithAbsoluteExpiry() throws Exception {
        assertThat(sync.snapshot()).isEqualTo(2);

        PersistenceSnapshot saved = store.load().orElseThrow();
        assertThat(saved.node()).isEqualTo("nodeB");
        assertThat(saved.takenAtMs()).isEqualTo(NOW);
        assertThat(saved.templates()).containsExactly(
                new PersistenceTemplate(TemplateProtocol.TCP, ip("10.0.1.12"), ip("10.0.1.100"), 80, 0,
                        ip("10.0.3.12"), 80, "ASSURED", NOW + 200_000),
                new PersistenceTemplate(TemplateProtocol.TCP, ip("10.0.1.13"), ip("10.0.1.100"), 80, 0,
                        ip("10.0.2.11"), 80, "NONE", NOW + 42_000));
    }

    @Test
    void closeTakesALastSnapshotAndStopsTheMaster() throws Exception {
        sync.startSnapshots();
        sync.close();
        sync.close();

        assertThat(store.load()).isPresent();
        assertThat(control.stopped).containsExactly(DaemonState.MASTER);
        assertThat(log).containsExactly("Stopped IPVS sync master");
    }

    @Test
    void missingConnectionTableIsReportedOnSnapshot() throws Exception {
        Files.delete(table);
        sync.close();
        assertThat(log).first().asString()
                .isEqualTo("Cannot snapshot persistence templates: " + table + " does not exist (is ip_vs loaded?)");
    }

    private static PersistenceTemplate template(String client, String real, long expiresAt) {
        return new PersistenceTemplate(TemplateProtocol.TCP, ip(client), ip("10.0.1.100"), 80, 0, ip(real), 80,
                "ASSURED", expiresAt);
    }

    private DirectorConfig config() {
        ParseResult parsed = new ConfigParser(ParserOptions.system())
                .parseText(dir.resolve("t.cf"), "t.cf", CF, ParseMode.FIRST_ERROR);
        assertThat(parsed.errors()).isEmpty();
        return parsed.config();
    }

    private static InMemoryIpvsBackend backendWithRs2Down() throws IpvsException {
        InMemoryIpvsBackend backend = new InMemoryIpvsBackend();
        ServiceKey key = new ServiceKey.Address(Protocol.TCP, ip("10.0.1.100"), 80);
        backend.addService(new VirtualService(key, "rr", VirtualService.FLAG_PERSISTENT, 300, 0xffffffff, null));
        backend.addDestination(key, Destination.of(ip("10.0.2.11"), 80, ForwardingMethod.MASQ, 1));
        backend.addDestination(key, Destination.of(ip("10.0.3.12"), 80, ForwardingMethod.MASQ, 0));
        return backend;
    }

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static final class FakeControl implements SyncDaemonControl {
        final List<SyncDaemon> started = new ArrayList<>();
        final List<DaemonState> stopped = new ArrayList<>();
        IpvsException.Errno failStartWith;

        @Override
        public void startDaemon(SyncDaemon daemon) throws IpvsException {
            if (failStartWith != null) {
                throw new IpvsException(failStartWith, "Daemon has already run");
            }
            started.add(daemon);
        }

        @Override
        public void stopDaemon(DaemonState state) {
            stopped.add(state);
        }

        @Override
        public List<SyncDaemon> daemons() {
            return List.of();
        }
    }
}
