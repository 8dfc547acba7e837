package lvsdirector.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The director's metrics in a Prometheus registry. Events (check results, IPVS operations, rounds,
 * reloads) count as they happen; the state gauges (health, weight, live reals, fallback) are set from
 * a {@link StatusReport} at each scrape, so they can never disagree with {@code /status}. Thread-safe.
 * Every name is listed with its meaning in docs/observability.md.
 */
public final class DirectorMetrics {
    static final String VIRTUAL = "virtual";
    static final String REAL = "real";

    /** How a reload ended: applied, rejected because the file has errors, or failed while applying. */
    public enum ReloadOutcome { APPLIED, REJECTED, FAILED }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GaugeBoard board = new GaugeBoard(registry);
    private final Clock clock;
    private final AtomicLong lastSuccessfulRoundMillis = new AtomicLong();
    private final Map<List<String>, StatusReport.LastFailure> lastFailures = new ConcurrentHashMap<>();
    private final Map<List<String>, RealCheckStats> checkStats = new ConcurrentHashMap<>();

    public DirectorMetrics(Clock clock) {
        this.clock = clock;
        Gauge.builder("lvsdirector.last.successful.round.timestamp", lastSuccessfulRoundMillis, m -> m.get() / 1000.0)
                .description("Unix time of the last table round that completed, 0 before the first")
                .baseUnit("seconds").register(registry);
    }

    /**
     * A check of one real of one virtual finished.
     *
     * @param latency       how long the probe took, null when unknown
     * @param failureReason why it failed ("timeout", "refused"...), ignored for successes
     * @param message       the result's message (the monitor file's text)
     */
    public void checkCompleted(String virtual, String real, boolean success, Duration latency, String failureReason,
                               String message) {
        List<String> key = List.of(virtual, real);
        RealCheckStats stats = checkStats.computeIfAbsent(key, k -> new RealCheckStats());
        if (latency != null) {
            stats.record(success, latency.toNanos(), clock.millis());
        }
        if (!success) {
            String reason = failureReason == null ? "error" : failureReason.toLowerCase(Locale.ROOT);
            stats.failed(reason);
            lastFailures.put(key, new StatusReport.LastFailure(reason, message, clock.instant()));
        }
    }

    /** The last failed check of a real of a virtual, or null when none was seen. */
    public StatusReport.LastFailure lastFailure(String virtual, String real) {
        return lastFailures.get(List.of(virtual, real));
    }

    /**
     * One IPVS operation was applied.
     *
     * @param operation e.g. "add_destination"
     * @param errno     the error's name (e.g. "EEXIST") when it failed, null when it succeeded
     */
    public void ipvsOperation(String operation, String errno) {
        Counter.builder("lvsdirector.ipvs.operations").description("IPVS operations attempted")
                .tag("operation", operation).register(registry).increment();
        if (errno != null) {
            Counter.builder("lvsdirector.ipvs.errors").description("IPVS operations the kernel refused, by errno")
                    .tags("operation", operation, "errno", errno).register(registry).increment();
        }
    }

    /** A table round ended; {@code kind} is start, round, reload or stop. */
    public void roundFinished(String kind, boolean succeeded) {
        Counter.builder("lvsdirector.rounds").description("Table rounds (read, compare, apply), by kind and result")
                .tags("kind", kind, "result", succeeded ? "ok" : "failed").register(registry).increment();
        if (succeeded) {
            lastSuccessfulRoundMillis.set(clock.millis());
        }
    }

    public void reloadFinished(ReloadOutcome outcome) {
        Counter.builder("lvsdirector.reloads").description("Configuration reloads, by outcome")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    /** Prometheus text exposition, with the state gauges set from {@code status} first. */
    public synchronized String scrape(StatusReport status) {
        show(status);
        // the check families sort before every other name of the registry
        return CheckStatsText.of(checkStats, clock.millis()) + registry.scrape();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    private void show(StatusReport status) {
        List<GaugeBoard.Sample> samples = new ArrayList<>();
        Set<List<String>> configured = new HashSet<>();
        samples.add(new GaugeBoard.Sample("lvsdirector.daemon.state", "Always 1; the labels carry the daemon's state",
                Tags.of("status", status.daemonStatus(), "heartbeat", status.heartbeatState(), "drbd", status.drbd()), 1));
        samples.add(new GaugeBoard.Sample("lvsdirector.heartbeat.info",
                "Always 1; the label says this node's heartbeat state (active, up, init, dead, not_running, unreadable, unknown, n/a)",
                Tags.of("state", status.heartbeatState()), 1));
        for (StatusReport.Virtual v : status.virtuals()) {
            Tags vt = Tags.of(VIRTUAL, v.id());
            configured.add(List.of(v.id()));
            samples.add(new GaugeBoard.Sample("lvsdirector.virtual.reals", "Real servers configured for the virtual",
                    vt, v.reals().size()));
            samples.add(new GaugeBoard.Sample("lvsdirector.virtual.live.reals", "Real servers of the virtual whose checks say up",
                    vt, v.liveReals()));
            samples.add(new GaugeBoard.Sample("lvsdirector.virtual.fallback.active",
                    "1 when the virtual's fallback server is in the table", vt, v.fallbackActive() ? 1 : 0));
            for (StatusReport.Real r : v.reals()) {
                Tags rt = vt.and(REAL, r.server());
                configured.add(List.of(v.id(), r.server()));
                if (r.health() != StatusReport.Health.UNKNOWN) {
                    samples.add(new GaugeBoard.Sample("lvsdirector.real.up", "1 when the real's checks say up, 0 when down",
                            rt, r.health() == StatusReport.Health.UP ? 1 : 0));
                }
                samples.add(new GaugeBoard.Sample("lvsdirector.real.weight",
                        "Weight the director gives the real in the table, 0 when quiescent or absent", rt,
                        r.weight() == null ? 0 : r.weight()));
                samples.add(new GaugeBoard.Sample("lvsdirector.real.drained",
                        "1 when an operator drained the real (weight 0, still checked)", rt, r.drained() ? 1 : 0));
                if (r.weightOverride() != null) {
                    samples.add(new GaugeBoard.Sample("lvsdirector.real.weight.override",
                            "The operator's weight for the real (used while it is up and not drained)", rt,
                            r.weightOverride()));
                }
            }
        }
        stateDirectory(status.stateDirectory(), samples);
        samples.add(new GaugeBoard.Sample("lvsdirector.overrides.unmatched",
                "Operator overrides that name no configured real server", Tags.empty(),
                status.unmatchedOverrides().size()));
        board.show(samples);
        dropMetersOfUnconfigured(configured);
    }

    private static void stateDirectory(StatusReport.StateDirectory state, List<GaugeBoard.Sample> samples) {
        if (state == null) {
            return;
        }
        samples.add(new GaugeBoard.Sample("lvsdirector.state.placement",
                "Always 1; the label says where operator state is kept (shared, local or refused)",
                Tags.of("placement", state.placement()), 1));
        if (state.drbdPrimary() != null) {
            samples.add(new GaugeBoard.Sample("lvsdirector.state.drbd.primary",
                    "1 when this node is DRBD Primary of the state directory's resource, 0 otherwise", Tags.empty(),
                    state.drbdPrimary() ? 1 : 0));
        }
        samples.add(new GaugeBoard.Sample("lvsdirector.state.last.write.timestamp.seconds",
                "Unix time of the last successful state-file write by this director, 0 before the first", Tags.empty(),
                state.lastWriteMillis() / 1000.0));
        StatusReport.Drbd d = state.drbd();
        if (d != null) {
            samples.add(new GaugeBoard.Sample("lvsdirector.state.drbd.info",
                    "Always 1; the labels carry the state directory's DRBD connection, roles and disk states",
                    Tags.of("resource", d.resource(), "connection", d.connection(), "role", word(d.role()),
                            "peer_role", word(d.peerRole()), "disk", word(d.disk()), "peer_disk", word(d.peerDisk())), 1));
            samples.add(new GaugeBoard.Sample("lvsdirector.state.split.brain",
                    "1 when the state directory's DRBD resource is StandAlone (split brain or a manual disconnect)",
                    Tags.empty(), state.splitBrain() ? 1 : 0));
        }
        for (StatusReport.StateFileInfo f : state.files()) {
            if (f.seq() >= 0) {
                samples.add(new GaugeBoard.Sample("lvsdirector.state.file.seq",
                        "Sequence number of the state file in the directory in use", Tags.of("file", f.name()), f.seq()));
            }
            if (f.writtenAt() != null) {
                samples.add(new GaugeBoard.Sample("lvsdirector.state.file.written.timestamp.seconds",
                        "Unix time the state file was last written (by any node)", Tags.of("file", f.name()),
                        f.writtenAt().toEpochMilli() / 1000.0));
            }
        }
    }

    private static String word(String value) {
        return value == null ? "none" : value;
    }

    /** Counters and timers of a virtual or real that a reload removed go with it. */
    private void dropMetersOfUnconfigured(Set<List<String>> configured) {
        checkStats.keySet().removeIf(key -> !configured.contains(key));
        lastFailures.keySet().removeIf(key -> !configured.contains(key));
        for (Meter m : registry.getMeters()) {
            String virtual = m.getId().getTag(VIRTUAL);
            String real = m.getId().getTag(REAL);
            if (virtual == null) {
                continue;
            }
            List<String> key = real == null ? List.of(virtual) : List.of(virtual, real);
            if (!configured.contains(key)) {
                registry.remove(m);
            }
        }
    }
}
