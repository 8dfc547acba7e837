package lvsdirector.director.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult;
import lvsdirector.check.Health;
import lvsdirector.config.AlertSettings;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.CheckType;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;
import lvsdirector.director.DirectorEvent;
import lvsdirector.director.DirectorEvent.Kind;
import lvsdirector.director.LdirectordLog;
import lvsdirector.director.RealKey;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;

class AlertEffectsTest {
    static final MailIdentity ME = new MailIdentity("root", "lb1");

    final Vertx vertx = Vertx.vertx();
    final MutableClock clock = new MutableClock();
    final List<AlertMail> sent = new CopyOnWriteArrayList<>();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @TempDir
    Path dir;

    AlertEffectsTest() {
        Logger logger = (Logger) LoggerFactory.getLogger(LdirectordLog.LOGGER_NAME);
        log.setContext(logger.getLoggerContext());
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void close() throws Exception {
        ((Logger) LoggerFactory.getLogger(LdirectordLog.LOGGER_NAME)).detachAppender(log);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-25T13:28:39Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static VirtualConfig virtual(String emailAlert, Integer freq, Set<DaemonStatus> statuses, String smtp,
                                 String monitorFile, String fallbackCommand) throws IOException {
        CheckSettings check = new CheckSettings(CheckType.NEGOTIATE, 0, ServiceType.HTTP, "/bin/true", "/", "OK", "", "",
                "", "", "GET", null, null, null, null, null, null, null);
        return new VirtualConfig(1, new VirtualAddress.HostPort("10.0.0.1", InetAddress.getByName("10.0.0.1"), "80", 80),
                false, VirtualProtocol.TCP, List.of(), check, new SchedulingSettings("wrr", null, null, null, false), null,
                null, null, fallbackCommand, new AlertSettings(emailAlert, freq, statuses, smtp), monitorFile, "web",
                "front end");
    }

    static DirectorEvent realEvent(Kind kind, VirtualConfig v, int weight) throws IOException {
        InetAddress rip = InetAddress.getByName("10.9.0.2");
        RealKey key = new RealKey(new ServiceKey.Address(Protocol.TCP, InetAddress.getByName("10.0.0.1"), 80),
                new Destination(rip, 80, ForwardingMethod.ROUTE, weight, 0, 0, Destination.Tunnel.IPIP).key());
        return DirectorEvent.serverEvent(kind, v, key, 80, Destination.of(rip, 80, ForwardingMethod.ROUTE, weight));
    }

    private AlertEffects effects(Mailer smtp) {
        return new AlertEffects(vertx, smtp, sent::add, new FallbackCommand(Duration.ofSeconds(5)), ME, 729, clock);
    }

    private List<String> logLines() {
        return new ArrayList<>(log.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void alertGoesOverSmtpWithServiceNamePrefixAndTheBody() throws Exception {
        try (SmtpListener server = new SmtpListener(250)) {
            AlertEffects fx = effects(new SmtpMailer(server.port(), Duration.ofSeconds(5)));
            VirtualConfig v = virtual("ops@example.org", 0, Set.of(DaemonStatus.values()), "127.0.0.1", null, null);
            onContext(() -> fx.tableChanged(realEvent(Kind.DELETED_REAL, v, 0), Globals.DEFAULTS, DaemonStatus.RUNNING));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.received.contains("QUIT"));
            assertThat(server.received).containsSequence(
                    "MAIL FROM:<root@lb1>", "RCPT TO:<ops@example.org>", "DATA",
                    "From: root@lb1", "To: ops@example.org",
                    "Subject: [web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)", "",
                    "ldirectord host: lb1",
                    "Log-Message: [web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)",
                    "Daemon-Status: running", "",
                    "Service name: web", "Comment: front end", ".");
            assertThat(logLines()).contains("emailalert: [web] Deleted real server: 10.9.0.2:80 (10.0.0.1:80)");
        }
    }

    @Test
    void failedSmtpIsLoggedAndStatusFilterAndVirtualEventsSendNothing() throws Exception {
        try (SmtpListener server = new SmtpListener(550)) {
            AlertEffects fx = effects(new SmtpMailer(server.port(), Duration.ofSeconds(5)));
            VirtualConfig v = virtual("ops@example.org", 0, Set.of(DaemonStatus.RUNNING), "127.0.0.1", null, null);
            vertx.runOnContext(x -> {
                try {
                    fx.tableChanged(realEvent(Kind.ADDED_REAL, v, 3), Globals.DEFAULTS, DaemonStatus.STARTING);
                    fx.tableChanged(DirectorEvent.virtualEvent(Kind.ADDED_VIRTUAL, v), Globals.DEFAULTS, DaemonStatus.RUNNING);
                    fx.tableChanged(realEvent(Kind.ADDED_REAL, v, 3), Globals.DEFAULTS, DaemonStatus.RUNNING);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> logLines().contains("failed to send SMTP email message"));
            assertThat(logLines()).containsExactly("emailalert: [web] Added real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)",
                    "failed to send SMTP email message");
        }
    }

    @Test
    void withoutSmtpTheLocalMailerIsUsedAndRemindersRepeatUntilTheRealIsBack() throws Exception {
        AlertEffects fx = effects(m -> {
            throw new IOException("smtp must not be used");
        });
        VirtualConfig v = virtual("ops@example.org", 4, Set.of(DaemonStatus.values()), null, null, null);
        Globals g = Globals.DEFAULTS;
        onContext(() -> fx.tableChanged(realEvent(Kind.QUIESCENT_REAL, v, 0), g, DaemonStatus.RUNNING));
        onContext(() -> fx.tableChanged(realEvent(Kind.DELETED_FALLBACK, v, 1), g, DaemonStatus.RUNNING));
        clock.now = clock.now.plusSeconds(3);
        onContext(() -> fx.tick(g, DaemonStatus.RUNNING));
        clock.now = clock.now.plusSeconds(1);
        onContext(() -> fx.tick(g, DaemonStatus.RUNNING));
        clock.now = clock.now.plusSeconds(4);
        onContext(() -> fx.tick(g, DaemonStatus.RUNNING));
        onContext(() -> fx.tableChanged(realEvent(Kind.RESTORED_REAL, v, 3), g, DaemonStatus.RUNNING));
        clock.now = clock.now.plusSeconds(10);
        onContext(() -> fx.tick(g, DaemonStatus.RUNNING));
        // reminders at +4 s and +8 s; the fallback's removal starts none; the restored real stops its own
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() >= 5);
        Thread.sleep(200);
        assertThat(sent).extracting(AlertMail::subject).containsExactlyInAnyOrder(
                "[web] Quiescent real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 0)",
                "[web] Deleted fallback server: 10.9.0.2:80 (10.0.0.1:80)",
                "[web] Inaccessible real server: 10.9.0.2:80 (10.0.0.1:80)",
                "[web] Inaccessible real server: 10.9.0.2:80 (10.0.0.1:80)",
                "[web] Restored real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)");
        assertThat(logLines()).contains("emailalert: [web] Inaccessible real server: 10.9.0.2:80 (10.0.0.1:80)");
    }

    @Test
    void withoutSmtpAndWithoutSendmailTheFailureIsLogged() throws Exception {
        AlertEffects fx = new AlertEffects(vertx, sent::add, new SendmailMailer(dir.resolve("no-sendmail"),
                Duration.ofSeconds(5)), new FallbackCommand(Duration.ofSeconds(5)), ME, 729, clock);
        VirtualConfig v = virtual("ops@example.org", 0, Set.of(DaemonStatus.values()), null, null, null);
        onContext(() -> fx.tableChanged(realEvent(Kind.DELETED_REAL, v, 0), Globals.DEFAULTS, DaemonStatus.STOPPING));
        await().atMost(Duration.ofSeconds(5)).until(() -> logLines().contains("failed to send email message"));
        assertThat(sent).isEmpty();
    }

    @Test
    void sendmailGetsHeadersAndBodyOnStdin() throws Exception {
        Path out = dir.resolve("mail.txt");
        Path sendmail = dir.resolve("sendmail");
        Files.writeString(sendmail, "#!/bin/sh\necho \"args: $*\" > '" + out + "'\ncat >> '" + out + "'\n");
        sendmail.toFile().setExecutable(true);
        new SendmailMailer(sendmail, Duration.ofSeconds(5)).send(new AlertMail("ops@example.org", "root@lb1", "root@lb1",
                "Added real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)", "ldirectord host: lb1\n", null));
        assertThat(Files.readString(out)).isEqualTo("args: -t\nFrom: root@lb1\nTo: ops@example.org\n"
                + "Subject: Added real server: 10.9.0.2:80 (10.0.0.1:80) (Weight set to 3)\n\nldirectord host: lb1\n");
    }

    @Test
    void monitorFileGetsOneLinePerResult() throws Exception {
        Path file = dir.resolve("monitor.log");
        AlertEffects fx = effects(sent::add);
        VirtualConfig v = virtual(null, 0, Set.of(), null, file.toString(), null);
        RealConfig r = new RealConfig(1, "10.9.0.2", InetAddress.getByName("10.9.0.2"), 80, Forwarding.GATE, 5, null,
                null, 0, 0);
        onContext(() -> fx.checkResult(v, r, new CheckOutcome(CheckResult.ok("200 OK", Duration.ZERO), Health.UP,
                Transition.WENT_UP, 0, 1)));
        onContext(() -> fx.checkResult(v, r, new CheckOutcome(CheckResult.failed(CheckResult.FailureReason.TIMEOUT,
                "500 Timeout Alarm", Duration.ZERO), Health.DOWN, Transition.WENT_DOWN, 1, 1)));
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file) && Files.readAllLines(file).size() == 2);
        assertThat(Files.readAllLines(file)).containsExactly(
                "[Wed Nov 25 13:28:39 2026] [729] negotiate http tcp 10.9.0.2 80 5 gate / OK [up] 200 OK",
                "[Wed Nov 25 13:28:39 2026] [729] negotiate http tcp 10.9.0.2 80 5 gate / OK [down] 500 Timeout Alarm");
    }

    @Test
    void fallbackCommandGetsStartAndStopWithVipPortAndProtocol() throws Exception {
        Path out = dir.resolve("args.txt");
        Path script = dir.resolve("fb.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> '" + out + "'\n");
        script.toFile().setExecutable(true);
        AlertEffects fx = effects(sent::add);
        VirtualConfig v = virtual(null, 0, Set.of(), null, null, "\"" + script + "\"");
        onContext(() -> fx.fallbackChanged(v, Globals.DEFAULTS, true));
        onContext(() -> fx.fallbackChanged(v, Globals.DEFAULTS, false));
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(out) && Files.readAllLines(out).size() == 2);
        assertThat(Files.readAllLines(out)).containsExactly("start 10.0.0.1:80 tcp", "stop 10.0.0.1:80 tcp");
    }

    private void onContext(ThrowingRunnable r) throws Exception {
        var promise = io.vertx.core.Promise.<Void>promise();
        vertx.runOnContext(x -> {
            try {
                r.run();
                promise.complete();
            } catch (Exception e) {
                promise.fail(e);
            }
        });
        promise.future().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
