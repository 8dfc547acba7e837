package lvsdirector.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-05T13:24:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path dir;

    @Test
    void fileLinesCarryCtimeConfigNameAndPidAndAreAppended() throws Exception {
        Path log = dir.resolve("ldirectord.log");
        FileSink sink = new FileSink(log, "www.cf", 4242, CLOCK, System.err);
        sink.write("Added virtual server: 10.0.0.1:80");
        sink.write("Deleted real server: 10.9.0.2:80 (10.0.0.1:80)");
        assertThat(Files.readString(log)).isEqualTo(
                "[Thu Nov  5 13:24:00 2026|www.cf|4242] Added virtual server: 10.0.0.1:80\n"
                        + "[Thu Nov  5 13:24:00 2026|www.cf|4242] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)\n");
    }

    @Test
    void aFileThatCannotBeWrittenFallsBackToStderr() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FileSink sink = new FileSink(dir.resolve("missing-dir/x.log"), "ldirectord", 1, CLOCK,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        sink.write("hello");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
    }

    @Test
    void supervisedLinesHaveTheTimestampOnlyAndDebugLinesAreBare() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StreamSink(new PrintStream(out, true, StandardCharsets.UTF_8), true, CLOCK).write("Starting");
        new StreamSink(new PrintStream(out, true, StandardCharsets.UTF_8), false, CLOCK).write("plain");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("[Thu Nov  5 13:24:00 2026] Starting\nplain\n");
    }

    @Test
    void syslogLinesGoToTheLocalSocketWithIdentPidFacilityAndInfo() {
        Path socket = dir.resolve("log.sock");
        try (lvsdirector.netlink.unix.UnixDatagramReceiver devLog =
                     new lvsdirector.netlink.unix.UnixDatagramReceiver(socket.toString(), 2000)) {
            SyslogSink sink = new SyslogSink("local0", 4242, socket.toString(), CLOCK, System.err);
            sink.write("Deleted real server: 10.9.0.2:80 (10.0.0.1:80)");
            sink.close();
            // local0 = 16, info = 6: 16 * 8 + 6 = 134
            assertThat(devLog.receive()).isEqualTo("<134>Nov  5 13:24:00 ldirectord[4242]: Deleted real server: 10.9.0.2:80 (10.0.0.1:80)");
        }
    }

    @Test
    void syslogFacilitiesAreThoseSysSyslogKnows() {
        assertThat(LogSinks.isSyslogFacility("local0")).isTrue();
        assertThat(LogSinks.isSyslogFacility("daemon")).isTrue();
        assertThat(LogSinks.isSyslogFacility("local9")).isFalse();
        assertThat(LogSinks.forLogfile("/tmp/x.log", "ldirectord", 1).describe()).isEqualTo("file /tmp/x.log");
    }
}
