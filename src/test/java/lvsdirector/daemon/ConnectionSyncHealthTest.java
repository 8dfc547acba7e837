package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import lvsdirector.check.Health;
import lvsdirector.config.ConfigParser;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.ParseMode;
import lvsdirector.config.ParseResult;
import lvsdirector.config.ParserOptions;
import lvsdirector.director.DirectorSnapshot;
import lvsdirector.director.DirectorSnapshot.RealView;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.sync.RealRef;
import lvsdirector.state.HealthRecord;
import lvsdirector.state.HealthStore;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateFile;
import lvsdirector.state.StateRead;
import lvsdirector.state.StateSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** health.json: written on change only, refused on a Secondary, and which health wins at a restore. */
class ConnectionSyncHealthTest {
    private static final String WEB = "tcp:10.0.1.100:80";
    private static final Instant T0 = Instant.parse("2026-11-26T01:00:00.123456Z");
    private static final String CF = """
            logfile = "local0"
            virtual = 10.0.1.100:80
                real = 10.0.2.11:80 masq
                real = 10.0.3.12:80 masq
                scheduler = rr
                persistent = 300
            """;

    @TempDir
    Path dir;
    private final AtomicReference<DirectorSnapshot> director = new AtomicReference<>(DirectorSnapshot.EMPTY);
    private final List<String> log = new ArrayList<>();
    private Path procDrbd;
    private Path procMounts;
    private StateDirectory state;
    private ConnectionSyncHealth health;

    @BeforeEach
    void setUp() throws Exception {
        procDrbd = dir.resolve("proc-drbd");
        procMounts = dir.resolve("proc-mounts");
        Files.writeString(procDrbd, "version: 8.4.11 (api:1/proto:86-101)\n"
                + " 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----\n");
        Files.writeString(procMounts, "/dev/drbd0 " + dir.resolve("state") + " ext4 rw 0 0\n");
        state = new StateDirectory(new StateSettings(dir.resolve("state"), dir.resolve("local"), "r0",
                Path.of("/dev/drbd0"), procDrbd, procMounts, "nodeA"), Clock.systemUTC());
        health = new ConnectionSyncHealth(director::get, new HealthStore(state), log::add);
    }

    private static DirectorSnapshot snapshot(DaemonStatus status, RealView... reals) {
        return new DirectorSnapshot(status, List.of(new DirectorSnapshot.VirtualView(WEB, "10.0.1.100:80", false,
                List.of(reals))));
    }

    private static RealView real(String server, Health h, String lastMessage) {
        return new RealView(server, h, h == Health.UP ? 1 : null, lastMessage, T0);
    }

    private long seq() {
        StateRead read = new StateFile(dir.resolve("state"), HealthRecord.FILE, HealthRecord.FORMAT, "x",
                Clock.systemUTC()).read();
        return read instanceof StateRead.Present p ? p.document().seq() : 0;
    }

    @Test
    void writtenOnlyAfterAFinishedRoundAndOnlyWhenTheHealthChanged() throws Exception {
        director.set(snapshot(DaemonStatus.STARTING, real("10.0.2.11:80", Health.DOWN, null)));
        health.recordIfChanged();
        assertThat(dir.resolve("state/health.json")).doesNotExist();

        director.set(snapshot(DaemonStatus.RUNNING, real("10.0.2.11:80", Health.UP, "ok"),
                real("10.0.3.12:80", Health.DOWN, "connection refused")));
        health.recordIfChanged();
        health.recordIfChanged();
        assertThat(seq()).isEqualTo(1);
        JsonObject json = new JsonObject(Files.readString(dir.resolve("state/health.json")));
        assertThat(json.getInteger("format")).isEqualTo(1);
        assertThat(json.getString("node")).isEqualTo("nodeA");
        assertThat(json.getJsonObject("virtuals").getJsonArray(WEB).getJsonObject(1).getMap()).containsEntry("server",
                "10.0.3.12:80").containsEntry("health", "down").containsEntry("since_ms", T0.toEpochMilli());

        // another process (or a restart) finds the same health in the file: still nothing to write
        ConnectionSyncHealth restarted = new ConnectionSyncHealth(director::get, new HealthStore(state), log::add);
        restarted.recordIfChanged();
        assertThat(seq()).isEqualTo(1);

        director.set(snapshot(DaemonStatus.RUNNING, real("10.0.2.11:80", Health.UP, "ok"),
                real("10.0.3.12:80", Health.UP, "ok")));
        health.recordIfChanged();
        assertThat(seq()).isEqualTo(2);
        assertThat(new HealthStore(state).load().record()).get().satisfies(r ->
                assertThat(r.find(WEB, "10.0.3.12:80")).get().extracting(HealthRecord.RealHealth::up).isEqualTo(true));
        assertThat(log).isEmpty();
    }

    @Test
    void aSecondaryDoesNotWriteAndSaysWhyOnce() throws Exception {
        Files.writeString(procDrbd, "version: 8.4.11 (api:1/proto:86-101)\n"
                + " 0: cs:Connected ro:Secondary/Primary ds:UpToDate/UpToDate C r-----\n");
        director.set(snapshot(DaemonStatus.RUNNING, real("10.0.2.11:80", Health.UP, "ok")));
        health.recordIfChanged();
        health.recordIfChanged();
        assertThat(dir.resolve("state/health.json")).doesNotExist();
        assertThat(log).containsExactly("Cannot record the health of the real servers: DRBD r0 is Secondary "
                + "(ro:Secondary/Primary); not writing health.json");
    }

    @Test
    void beforeALocalRoundHealthJsonVetoesItsDownRealsUnlessALocalCheckAlreadySaidUp() throws Exception {
        new HealthStore(state).save(new HealthRecord(List.of(
                new HealthRecord.RealHealth(WEB, "10.0.2.11:80", false, T0),
                new HealthRecord.RealHealth(WEB, "10.0.3.12:80", false, T0))));

        director.set(snapshot(DaemonStatus.STARTING, real("10.0.2.11:80", Health.DOWN, null),
                real("10.0.3.12:80", Health.UP, "ok")));
        assertThat(health.lastKnownDown(config())).containsExactly(rs("10.0.2.11"));
        assertThat(log).containsExactly("Last known health (health.json of nodeA, seq 1): 1 real server down and not "
                + "yet checked here; their templates are not restored");

        // after a finished round the local health wins: the table it programmed already says who is down
        director.set(snapshot(DaemonStatus.RUNNING, real("10.0.2.11:80", Health.DOWN, "refused"),
                real("10.0.3.12:80", Health.UP, "ok")));
        assertThat(health.lastKnownDown(config())).isEmpty();
    }

    @Test
    void aCorruptHealthFileVetoesNothingAndIsReported() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/health.json"), "{\"format\":1,\"seq\":3,\"virtuals\":{\"" + WEB
                + "\":[{\"server\":\"10.0.2.11:80\",\"health\":\"sick\"}]}}");
        assertThat(health.lastKnownDown(config())).isEmpty();
        assertThat(log).singleElement().asString().startsWith("Last known health not used: state file ")
                .contains("\"health\" must be \"up\" or \"down\", got sick");
    }

    private DirectorConfig config() {
        ParseResult parsed = new ConfigParser(ParserOptions.system())
                .parseText(dir.resolve("t.cf"), "t.cf", CF, ParseMode.FIRST_ERROR);
        assertThat(parsed.errors()).isEmpty();
        return parsed.config();
    }

    private static RealRef rs(String address) throws Exception {
        return new RealRef(new ServiceKey.Address(Protocol.TCP, InetAddress.getByName("10.0.1.100"), 80),
                InetAddress.getByName(address), 80);
    }
}
