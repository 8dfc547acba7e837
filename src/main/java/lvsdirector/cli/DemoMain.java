package lvsdirector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lvsdirector.cli.lvsadm.LvsadmCommand;
import lvsdirector.config.ConfigLocator;
import lvsdirector.daemon.DaemonOptions;
import lvsdirector.daemon.DirectorDaemon;
import lvsdirector.director.DirectorSnapshot;

/**
 * The README's demo: the director in the foreground on demo.cf with the in-memory backend, three demo
 * real servers on loopback that go down and come back in a loop, and the ipvsadm-style table printed
 * whenever it changes. Stops on Ctrl-C, or after --seconds N.
 */
public final class DemoMain {
    private static final List<Integer> REAL_PORTS = DemoServers.range(18081, 3);
    private static final int FALLBACK_PORT = 18080;

    private DemoMain() {}

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args.length > 0 ? args[0] : "conf/ldirectord.d/demo.cf").toAbsolutePath();
        long seconds = args.length > 2 && args[1].equals("--seconds") ? Long.parseLong(args[2]) : 0;
        Path runDir = Files.createTempDirectory("lvs-director-demo");
        ConfigLocator.Location location = new ConfigLocator(List.of()).locate(Optional.of(config.toString()));
        DirectorDaemon daemon = Components.daemon(new DaemonOptions(location, "memory", true, runDir, null, true));

        try (DemoServers reals = new DemoServers(REAL_PORTS);
             DemoServers fallback = new DemoServers(List.of(FALLBACK_PORT))) {
            for (int i = 0; i < reals.size(); i++) {
                reals.start(i);
            }
            fallback.start(0);
            ScheduledExecutorService timeline = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-timeline");
                t.setDaemon(true);
                return t;
            });
            long started = System.nanoTime();
            timeline.scheduleAtFixedRate(new Script(reals, started), 5, 5, TimeUnit.SECONDS);
            timeline.scheduleAtFixedRate(new TablePrinter(daemon, started), 500, 250, TimeUnit.MILLISECONDS);
            timeline.scheduleAtFixedRate(new CheckPrinter(daemon, started), 1, 1, TimeUnit.SECONDS);
            if (seconds > 0) {
                timeline.schedule(() -> daemon.stop("TERM"), seconds, TimeUnit.SECONDS);
            }
            System.err.println("demo: real servers on 127.0.0.1:" + REAL_PORTS + ", fallback on 127.0.0.1:" + FALLBACK_PORT
                    + "; Ctrl-C stops");
            int status = daemon.run();
            timeline.shutdownNow();
            System.exit(status);
        }
    }

    /** Every 5 s one step: take a server down or bring it back, then all down (fallback), then all up. */
    private static final class Script implements Runnable {
        private final DemoServers reals;
        private final long started;
        private int step;

        Script(DemoServers reals, long started) {
            this.reals = reals;
            this.started = started;
        }

        @Override
        public void run() {
            try {
                int phase = step++ % 8;
                switch (phase) {
                    case 0 -> change("stopping demo server 2", () -> reals.stop(1));
                    case 1 -> change("starting demo server 2", () -> reals.start(1));
                    case 2 -> change("stopping demo servers 1, 2 and 3", () -> {
                        reals.stop(0);
                        reals.stop(1);
                        reals.stop(2);
                    });
                    case 3 -> change("starting demo server 3", () -> reals.start(2));
                    case 4 -> change("starting demo servers 1 and 2", () -> {
                        reals.start(0);
                        reals.start(1);
                    });
                    default -> { }
                }
            } catch (IOException e) {
                System.err.println("demo: " + e.getMessage());
            }
        }

        private void change(String what, IoAction action) throws IOException {
            System.err.printf("%n[%5.1fs] demo: %s%n", elapsed(started), what);
            action.run();
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** Prints the table in ipvsadm -L -n form each time it differs from the last print. */
    private static final class TablePrinter implements Runnable {
        private final DirectorDaemon daemon;
        private final long started;
        private String last = "";

        TablePrinter(DirectorDaemon daemon, long started) {
            this.daemon = daemon;
            this.started = started;
        }

        @Override
        public void run() {
            if (daemon.backend() == null) {
                return;
            }
            StringWriter text = new StringWriter();
            PrintWriter writer = new PrintWriter(text);
            LvsadmCommand.run(daemon::backend, writer, writer, "-L", "-n");
            String table = text.toString();
            if (!table.equals(last)) {
                last = table;
                System.out.printf("%n[%5.1fs] table (lvsadm -L -n):%n%s", elapsed(started), table);
                System.out.flush();
            }
        }
    }

    /** Prints the latest check result of every real each second: the checks are visible, not only their effects. */
    private static final class CheckPrinter implements Runnable {
        private final DirectorDaemon daemon;
        private final long started;

        CheckPrinter(DirectorDaemon daemon, long started) {
            this.daemon = daemon;
            this.started = started;
        }

        @Override
        public void run() {
            StringBuilder line = new StringBuilder();
            for (DirectorSnapshot.VirtualView v : daemon.snapshot().virtuals()) {
                for (DirectorSnapshot.RealView r : v.reals()) {
                    if (line.length() > 0) {
                        line.append(" | ");
                    }
                    line.append(r.server()).append(' ').append(r.health() == null ? "?" : r.health().name().toLowerCase(java.util.Locale.ROOT));
                    if (r.lastMessage() != null) {
                        line.append(" (").append(r.lastMessage().strip()).append(')');
                    }
                }
            }
            if (line.length() > 0) {
                System.out.printf("[%5.1fs] checks: %s%n", elapsed(started), line);
                System.out.flush();
            }
        }
    }

    private static double elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0;
    }
}
