package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lvsdirector.check.scheduler.VertxHealthChecker;
import lvsdirector.config.ConfigLocator;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.ParserOptions;
import lvsdirector.director.alert.AlertEffects;
import lvsdirector.netlink.unix.UnixDatagramReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's life as systemd sees it: READY after the first round, RELOADING/READY, STOPPING. */
@Timeout(60)
class DirectorDaemonNotifyTest {
    private static final int WAIT_MILLIS = 20_000;
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void notifiesReadyOnlyAfterTheFirstRoundThenAroundReloadsAndOnStop() throws Exception {
        Path config = dir.resolve("notify.cf");
        Files.writeString(config, "checktimeout=1\ncheckinterval=1\nquiescent=no\nlogfile=\"" + dir.resolve("log")
                + "\"\n\nvirtual=192.0.2.7:80\n\treal=127.0.0.1:1 gate\n\tchecktype=connect\n");
        ConfigLocator.Location location = new ConfigLocator(List.of()).locate(Optional.of(config.toString()));
        DirectorDaemon daemon = new DirectorDaemon(new DaemonOptions(location, "memory", false, dir.resolve("run"), null, false),
                (context, listener) -> new VertxHealthChecker(context.owner(), context, listener),
                AlertEffects::create, ParserOptions.system());
        String socket = dir.resolve("notify.sock").toString();
        try (UnixDatagramReceiver systemd = new UnixDatagramReceiver(socket, WAIT_MILLIS)) {
            daemon.withNotifier(SdNotify.forSocket(socket));
            Thread runner = new Thread(daemon::run, "notify-daemon");
            runner.start();
            try {
                assertThat(systemd.receive()).isEqualTo("READY=1\nMAINPID=" + PID + "\nSTATUS=running: first check round done\n");
                assertThat(daemon.snapshot().status()).isEqualTo(DaemonStatus.RUNNING);
                assertThat(daemon.backend().services()).hasSize(1);

                daemon.reload();
                assertThat(systemd.receive()).startsWith("RELOADING=1\n").contains("STATUS=reloading ");
                assertThat(systemd.receive()).isEqualTo("READY=1\nMAINPID=" + PID + "\nSTATUS=running: reloaded\n");

                Files.writeString(config, "virtual=nonsense\n");
                daemon.reload();
                assertThat(systemd.receive()).startsWith("RELOADING=1\n");
                assertThat(systemd.receive()).startsWith("READY=1\n")
                        .contains("STATUS=running, reload failed: config has errors");
            } finally {
                daemon.stop("TERM");
                runner.join(30_000);
            }
            assertThat(systemd.receive()).isEqualTo("STOPPING=1\nSTATUS=stopping on signal TERM\n");
            assertThat(runner.isAlive()).isFalse();
        }
    }
}
