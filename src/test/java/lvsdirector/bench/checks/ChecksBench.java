package lvsdirector.bench.checks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver of bench/checks.sh. {@code config N CF LOG} writes the director config;
 * {@code run N VIEW PIDFILE STEADY_S ROUNDS CAP_S} serves every real, waits for the director (its pid file)
 * to bring the table to the expected state, measures a steady period (checks/s as connections the reals
 * accepted, the director's CPU and RSS, flaps) and then takes the sample down and up ROUNDS times, polling
 * the table from outside for the detection latencies. Prints one RESULT line of key=value pairs.
 */
public final class ChecksBench {
    /** PROBE_REOPEN=1: a plain client asks every sample real right after each reopen (see ReopenProbe). */
    private static final boolean PROBE_REOPEN = "1".equals(System.getenv("PROBE_REOPEN"));

    private ChecksBench() {}

    public static void main(String[] args) throws Exception {
        Layout layout = new Layout(Integer.parseInt(args[1]));
        switch (args[0]) {
            case "config" -> layout.writeConfig(Path.of(args[2]), Path.of(args[3]));
            case "run" -> run(layout, args[2], Path.of(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("usage: config N CF LOG | run N VIEW PIDFILE STEADY ROUNDS CAP");
        }
        System.exit(0);
    }

    private static void run(Layout layout, String viewSpec, Path pidFile, int steadySeconds, int rounds, int capSeconds)
            throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        RealServers servers = new RealServers(vertx, layout);
        servers.startAll();
        servers.watchEventLoops();
        System.out.println("READY");
        System.out.flush();
        while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
            Thread.sleep(50);
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessStats director = new ProcessStats(pid);
        Map<String, String> result = new java.util.LinkedHashMap<>();
        result.put("reals", String.valueOf(layout.reals()));
        result.put("virtuals", String.valueOf(layout.virtuals()));
        try (TableView view = openWhenReady(viewSpec)) {
            Poller poller = new Poller(layout, view);
            long t0 = System.currentTimeMillis();
            boolean converged = poller.awaitExpected(capSeconds * 4000L);
            result.put("converge_s", String.format("%.1f", (System.currentTimeMillis() - t0) / 1000.0));
            result.put("converged", String.valueOf(converged));
            System.err.println("table " + (converged ? "converged" : "did NOT converge: " + poller.lastMismatch()));

            warmUp(director, poller, result);
            long acceptedStart = servers.accepted();
            Window steady = Window.watch(director, poller, steadySeconds);
            long checks = servers.accepted() - acceptedStart;
            result.put("checks_per_s", String.format("%.0f", checks / steady.wallSeconds()));
            result.put("cpu", String.format("%.3f", steady.cores()));
            result.put("sys_pct", steady.cpuSeconds() == 0 ? "-"
                    : String.format("%.0f", 100 * steady.systemSeconds() / steady.cpuSeconds()));
            result.put("cpu_us_per_check", checks == 0 ? "-" : String.format("%.0f", steady.cpuSeconds() * 1e6 / checks));
            result.put("rss_mb", String.valueOf(director.rssKb() / 1024));
            result.put("flaps", String.valueOf(steady.flaps()));

            List<Integer> sample = layout.sampleReals();
            List<Long> downs = new ArrayList<>();
            List<Long> ups = new ArrayList<>();
            int missed = 0;
            for (int round = 0; round < rounds; round++) {
                Thread.sleep(1500);
                servers.down(sample);
                Map<Integer, Long> down = poller.detect(sample, System.currentTimeMillis(), 0, capSeconds * 1000L);
                Thread.sleep(1500);
                servers.up(sample);
                long reopened = System.currentTimeMillis();
                int roundNo = round + 1;
                java.util.concurrent.CompletableFuture<Void> probe = !PROBE_REOPEN ? null
                        : java.util.concurrent.CompletableFuture.runAsync(() -> {
                            try {
                                System.err.println("round " + roundNo + " "
                                        + ReopenProbe.afterReopen(sample, reopened, capSeconds * 1000L).summary());
                            } catch (Exception e) {
                                System.err.println("round " + roundNo + " outside client failed: " + e);
                            }
                        });
                Map<Integer, Long> up = poller.detect(sample, reopened, 1, capSeconds * 1000L);
                if (probe != null) {
                    probe.join();
                }
                downs.addAll(down.values());
                ups.addAll(up.values());
                missed += 2 * sample.size() - down.size() - up.size();
                System.err.printf("round %d: %d/%d down seen, %d/%d up seen; slowest down %s; slowest up %s%n", round + 1,
                        down.size(), sample.size(), up.size(), sample.size(), slowest(down), slowest(up));
            }
            result.put("sample", String.valueOf(sample.size()));
            result.put("poll_ms", String.format("%.1f", poller.meanCycleMillis()));
            result.put("down", Percentiles.of(downs));
            result.put("up", Percentiles.of(ups));
            result.put("missed", String.valueOf(missed));
        } finally {
            servers.close();
        }
        StringBuilder line = new StringBuilder("RESULT");
        result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.println(line);
        System.out.flush();
    }

    /** The five latest reals as "virtual.real=ms": a tail from one virtual points at the table, one spread over many at the checks. */
    private static String slowest(Map<Integer, Long> latencies) {
        return latencies.entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
                .limit(5)
                .map(e -> e.getKey() / Layout.REALS_PER_VIRTUAL + "." + e.getKey() % Layout.REALS_PER_VIRTUAL + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /**
     * WARMUP_S seconds (default 0) between convergence and the steady period, with their own CPU and flap count: a
     * JVM keeps compiling for a while after start (C2 threads were a third of the director's samples 30 s in), which
     * is a cost of starting, not of checking.
     */
    private static void warmUp(ProcessStats director, Poller poller, Map<String, String> result) throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("WARMUP_S", "0"));
        if (seconds <= 0) {
            return;
        }
        Window warmUp = Window.watch(director, poller, seconds);
        result.put("warmup_s", String.valueOf(seconds));
        result.put("warmup_cpu", String.format("%.3f", warmUp.cores()));
        result.put("warmup_flaps", String.valueOf(warmUp.flaps()));
    }

    /** A stretch of time in which the poller counts flaps, with the director's CPU over it. */
    record Window(double wallSeconds, double cpuSeconds, double systemSeconds, int flaps) {
        static Window watch(ProcessStats director, Poller poller, int seconds) throws Exception {
            ProcessStats.Cpu start = director.cpu();
            long wallStart = System.nanoTime();
            int flaps = poller.steady(seconds * 1000L);
            double wall = (System.nanoTime() - wallStart) / 1e9;
            ProcessStats.Cpu end = director.cpu();
            return new Window(wall, director.cpuTicksToSeconds(end.totalTicks() - start.totalTicks()),
                    director.cpuTicksToSeconds(end.systemTicks() - start.systemTicks()), flaps);
        }

        /** The director's CPU seconds per wall second. */
        double cores() {
            return cpuSeconds / wallSeconds;
        }
    }

    /** The director may not have opened its control socket yet when its pid file appears. */
    private static TableView openWhenReady(String viewSpec) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            try {
                TableView view = TableView.open(viewSpec);
                view.weights(0);
                return view;
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("cannot read the table: " + e, e);
                }

                Thread.sleep(100);
            }
        }
    }

    /** Nearest-rank percentiles of latencies in ms, as "p50/p99/max". */
    static final class Percentiles {
        static String of(List<Long> values) {
            if (values.isEmpty()) {
                return "-/-/-";
            }
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return rank(sorted, 50) + "/" + rank(sorted, 99) + "/" + sorted.get(sorted.size() - 1);
        }

        private static long rank(List<Long> sorted, int percent) {
            int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index));
        }
    }

    /** Reads the table from outside: sweeps, steady-state flap counting and detection timing. */
    static final class Poller {
        private final Layout layout;
        private final TableView view;
        private long cycles;
        private long cycleNanos;
        private String lastMismatch = "";

        Poller(Layout layout, TableView view) {
            this.layout = layout;
            this.view = view;
        }

        String lastMismatch() {
            return lastMismatch;
        }

        double meanCycleMillis() {
            return cycles == 0 ? 0 : cycleNanos / 1e6 / cycles;
        }

        private static int expected(int real) {
            return Layout.kind(real) == Layout.Kind.HANG ? 0 : 1;
        }

        /** Reals (of the whole table) whose weight is not the expected one; a missing real counts as 0. */
        private List<Integer> mismatches() throws Exception {
            List<Integer> wrong = new ArrayList<>();
            Map<Integer, Integer> weights = view.allWeights(layout.virtuals());
            for (int real = 0; real < layout.reals(); real++) {
                if (weights.getOrDefault(real, 0) != expected(real)) {
                    wrong.add(real);
                }
            }
            return wrong;
        }

        boolean awaitExpected(long timeoutMillis) throws Exception {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (System.currentTimeMillis() < deadline) {
                List<Integer> wrong = mismatches();
                if (wrong.isEmpty()) {
                    return true;
                }
                lastMismatch = wrong.size() + " reals, e.g. " + Layout.rip(wrong.get(0)) + " (" + Layout.kind(wrong.get(0)) + ")";
                Thread.sleep(500);
            }
            return false;
        }

        /** Sweeps the whole table every 2 s; returns how many (real, sweep) pairs were off their steady weight. */
        int steady(long millis) throws Exception {
            long end = System.currentTimeMillis() + millis;
            int flaps = 0;
            while (System.currentTimeMillis() < end) {
                List<Integer> wrong = mismatches();
                if (!wrong.isEmpty()) {
                    System.err.println("flap: " + wrong.size() + " reals off their steady weight, e.g. "
                            + Layout.rip(wrong.get(0)) + " (" + Layout.kind(wrong.get(0)) + ")");
                }
                flaps += wrong.size();
                Thread.sleep(Math.max(0, Math.min(2000, end - System.currentTimeMillis())));
            }
            return flaps;
        }

        /** Polls the sample's virtuals until every sample real shows {@code weight}; ms from {@code since} per real. */
        Map<Integer, Long> detect(List<Integer> sample, long since, int weight, long capMillis) throws Exception {
            List<Integer> virtuals = sample.stream().map(r -> r / Layout.REALS_PER_VIRTUAL).distinct().toList();
            Map<Integer, Long> seen = new HashMap<>();
            while (seen.size() < sample.size() && System.currentTimeMillis() - since < capMillis) {
                long cycleStart = System.nanoTime();
                for (int v : virtuals) {
                    Map<Integer, Integer> weights = view.weights(v);
                    long now = System.currentTimeMillis();
                    for (int j = 0; j < Layout.REALS_PER_VIRTUAL; j++) {
                        int real = v * Layout.REALS_PER_VIRTUAL + j;
                        if (Layout.kind(real) == Layout.Kind.OK && !seen.containsKey(real)
                                && weights.getOrDefault(real, 0) == weight) {
                            seen.put(real, now - since);
                        }
                    }
                }
                cycles++;
                cycleNanos += System.nanoTime() - cycleStart;
                Thread.sleep(5);
            }
            return seen;
        }
    }
}
