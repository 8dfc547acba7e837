package lvsdirector.check.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.ExternalCheck;
import lvsdirector.check.OnContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ExternalProberTest {
    private static Vertx vertx;
    private static ExternalProber prober;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        prober = new ExternalProber(vertx, Duration.ofMillis(300));
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private Path script(String body) throws IOException {
        Path file = Files.createTempFile(dir, "check", ".sh");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private static ExternalCheck check(Path command, Duration timeout) {
        return new ExternalCheck(command.toString(), "10.0.0.1", 80, InetAddress.getLoopbackAddress(), 84, timeout);
    }

    private static CheckResult probe(ExternalCheck check) {
        return OnContext.await(vertx, () -> prober.probe(check));
    }

    @Test
    void exitZeroIsUpAndGetsLdirectordsArguments() throws IOException {
        Path args = dir.resolve("args");
        CheckResult r = probe(check(script("echo \"$@\" > " + args), Duration.ofSeconds(5)));
        assertThat(r.success()).as(r.message()).isTrue();
        assertThat(Files.readString(args).trim()).isEqualTo("10.0.0.1 80 127.0.0.1 84");
    }

    @Test
    void nonZeroExitIsDown() throws IOException {
        CheckResult r = probe(check(script("exit 3"), Duration.ofSeconds(5)));
        assertThat(r.success()).isFalse();
        assertThat(r.message()).endsWith("exited with status 3");
    }

    @Test
    void argumentsAreNotInterpretedByAShell() throws IOException {
        Path args = dir.resolve("args");
        ExternalCheck c = new ExternalCheck(script("printf '%s|' \"$@\" > " + args).toString(), "$(touch pwned)", 0,
                InetAddress.getByName("::1"), 0, Duration.ofSeconds(5));
        assertThat(probe(c).success()).isTrue();
        assertThat(Files.readString(args)).isEqualTo("$(touch pwned)|0|[::1]|0|");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void missingCommandIsDown() {
        CheckResult r = probe(check(dir.resolve("does-not-exist"), Duration.ofSeconds(5)));
        assertThat(r.success()).isFalse();
        assertThat(r.message()).startsWith("cannot run ");
    }

    @Test
    void hangingCommandIsTerminatedAtTheTimeoutAndReaped() throws IOException {
        Path pid = dir.resolve("pid");
        long start = System.nanoTime();
        CheckResult r = probe(check(script("echo $$ > " + pid + "\nexec sleep 30"), Duration.ofMillis(300)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(r.success()).isFalse();
        assertThat(r.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertNoProcess(Long.parseLong(Files.readString(pid).trim()));
    }

    @Test
    void commandIgnoringTermIsKilled() throws IOException {
        Path pid = dir.resolve("pid");
        CheckResult r = probe(check(script("trap '' TERM\necho $$ > " + pid + "\nwhile :; do sleep 0.05; done"),
                Duration.ofMillis(300)));
        assertThat(r.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertNoProcess(Long.parseLong(Files.readString(pid).trim()));
    }

    /** Gone entirely: not running and not a zombie waiting to be reaped. */
    private static void assertNoProcess(long pid) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(Path.of("/proc/" + pid)));
    }
}
