package lvsdirector.director.alert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import lvsdirector.check.CheckOutcome;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;
import lvsdirector.director.DirectorEvent;
import lvsdirector.director.LdirectordLog;
import lvsdirector.director.RealKey;
import lvsdirector.director.SideEffects;

/**
 * ldirectord's side effects: alert mails for real/fallback changes (with "Inaccessible real server"
 * reminders every emailalertfreq seconds while a real stays out), monitor-file lines, the fallback
 * command. Called on the director's context; the blocking parts run on worker threads: monitor lines
 * and fallback commands on one thread in order, mails on a small pool of their own.
 */
public final class AlertEffects implements SideEffects {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final WorkerExecutor mailExecutor;
    private final WorkerExecutor orderedExecutor;
    private final Mailer smtp;
    private final Mailer sendmail;
    private final FallbackCommand fallbackCommand;
    private final MailIdentity me;
    private final long pid;
    private final Clock clock;
    private final Map<RealKey, Reminder> reminders = new LinkedHashMap<>();
    private final Set<Future<?>> inflight = ConcurrentHashMap.newKeySet();

    private record Reminder(Instant due, VirtualConfig virtual, String text) {}

    public AlertEffects(Vertx vertx, Mailer smtp, Mailer sendmail, FallbackCommand fallbackCommand, MailIdentity me,
                        long pid, Clock clock) {
        this.mailExecutor = vertx.createSharedWorkerExecutor("lvs-director-mail", 2);
        // one thread: monitor lines and fallback commands run strictly in the order they were asked for
        this.orderedExecutor = vertx.createSharedWorkerExecutor("lvs-director-effects", 1);
        this.smtp = smtp;
        this.sendmail = sendmail;
        this.fallbackCommand = fallbackCommand;
        this.me = me;
        this.pid = pid;
        this.clock = clock;
    }

    /** Production wiring: SMTP on port 25, /usr/sbin/sendmail, 30 s timeouts, this process's identity. */
    public static AlertEffects create(Vertx vertx) {
        return new AlertEffects(vertx, new SmtpMailer(DEFAULT_TIMEOUT),
                new SendmailMailer(SendmailMailer.DEFAULT_PATH, DEFAULT_TIMEOUT), new FallbackCommand(DEFAULT_TIMEOUT),
                MailIdentity.ofThisProcess(), ProcessHandle.current().pid(), Clock.systemDefaultZone());
    }

    @Override
    public void tableChanged(DirectorEvent event, Globals globals, DaemonStatus status) {
        if (!event.kind().alerts()) {
            return;
        }
        mail(event.message(), event.virtual(), globals, status);
        if (event.real() == null) {
            return;
        }
        Integer freq = event.virtual().effectiveAlerts(globals).frequency();
        if (event.kind().bringsRealUp()) {
            reminders.remove(event.real());
        } else if (event.kind().startsReminder() && freq != null && freq > 0) {
            String text = "Inaccessible real server: " + event.realText() + " (" + event.virtual().address().logName() + ")";
            reminders.put(event.real(), new Reminder(clock.instant().plusSeconds(freq), event.virtual(), text));
        }
    }

    @Override
    public void tick(Globals globals, DaemonStatus status) {
        Instant now = clock.instant();
        List<Map.Entry<RealKey, Reminder>> due = new ArrayList<>();
        for (Iterator<Map.Entry<RealKey, Reminder>> it = reminders.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<RealKey, Reminder> e = it.next();
            if (!e.getValue().due().isAfter(now)) {
                due.add(e);
            }
        }
        for (Map.Entry<RealKey, Reminder> e : due) {
            Reminder r = e.getValue();
            mail(r.text(), r.virtual(), globals, status);
            Integer freq = r.virtual().effectiveAlerts(globals).frequency();
            reminders.put(e.getKey(), new Reminder(now.plusSeconds(freq == null ? 0 : freq), r.virtual(), r.text()));
        }
    }

    @Override
    public void fallbackChanged(VirtualConfig virtual, Globals globals, boolean active) {
        String command = virtual.effectiveFallbackCommand(globals);
        if (command == null || command.isBlank()) {
            return;
        }
        String line = FallbackCommand.commandLine(command, virtual, active);
        submit(() -> fallbackCommand.run(line), true);
    }

    @Override
    public void checkResult(VirtualConfig virtual, RealConfig real, CheckOutcome outcome) {
        if (virtual.monitorFile() == null || !MonitorLine.written(virtual, outcome)) {
            return;
        }
        String line = MonitorLine.format(ZonedDateTime.now(clock), pid, virtual, real, outcome);
        Path file = Path.of(virtual.monitorFile());
        submit(() -> {
            try {
                Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                LdirectordLog.info("Error writing to monitorfile '" + file + "': " + e.getMessage());
            }
            return null;
        }, true);
    }

    @Override
    public void reset() {
        reminders.clear();
    }

    @Override
    public Future<Void> close() {
        return Future.join(new ArrayList<>(inflight)).timeout(DEFAULT_TIMEOUT.plusSeconds(5))
                .<Void>mapEmpty().otherwiseEmpty().eventually(mailExecutor::close).eventually(orderedExecutor::close);
    }

    private void mail(String text, VirtualConfig virtual, Globals globals, DaemonStatus status) {
        AlertMail m = AlertMail.compose(text, virtual, globals, status, me);
        if (m == null) {
            return;
        }
        LdirectordLog.info("emailalert: " + m.subject());
        submit(() -> {
            boolean viaSmtp = m.smtp() != null;
            try {
                (viaSmtp ? smtp : sendmail).send(m);
            } catch (IOException | RuntimeException e) {
                LdirectordLog.info(viaSmtp ? "failed to send SMTP email message" : "failed to send email message");
            }
            return null;
        }, false);
    }

    private void submit(Callable<?> work, boolean ordered) {
        Future<?> f = (ordered ? orderedExecutor : mailExecutor).executeBlocking(work, false);
        inflight.add(f);
        f.onComplete(ar -> inflight.remove(f));
    }
}
