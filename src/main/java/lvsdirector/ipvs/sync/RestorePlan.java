package lvsdirector.ipvs.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lvsdirector.ipvs.ServiceKey;

/**
 * Which snapshot templates to put back into the kernel, and why each other one is left out. The kernel
 * would accept a template for an unknown service or real server and keep it unbound, so everything is
 * checked against the current configuration here; a key the kernel already holds came from live sync,
 * which is fresher than any snapshot.
 */
public record RestorePlan(List<Injection> injections, List<Skipped> skipped) {

    /** A template to inject with the lifetime it has left. */
    public record Injection(PersistenceTemplate template, long remainingSeconds) {
        public SyncEntry toSyncEntry() {
            return template.toSyncEntry(remainingSeconds);
        }
    }

    public record Skipped(PersistenceTemplate template, SkipReason reason) {}

    public enum SkipReason {
        EXPIRED("expired"), UNKNOWN_VIRTUAL("unknown virtual"), UNKNOWN_REAL("unknown real"),
        REAL_DOWN("real down"), DRAINED("drained"), ALREADY_PRESENT("already present");

        private final String words;

        SkipReason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public RestorePlan {
        injections = List.copyOf(injections);
        skipped = List.copyOf(skipped);
    }

    public static RestorePlan of(PersistenceSnapshot snapshot, RestoreInputs inputs) {
        Set<ServiceKey> virtuals = inputs.configuredReals().stream().map(RealRef::service).collect(Collectors.toSet());
        List<Injection> injections = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (PersistenceTemplate template : snapshot.templates()) {
            long remainingSeconds = (template.expiresAtMs() - inputs.nowMs()) / 1000;
            Optional<SkipReason> reason = reasonToSkip(template, remainingSeconds, virtuals, inputs);
            if (reason.isPresent()) {
                skipped.add(new Skipped(template, reason.get()));
            } else {
                injections.add(new Injection(template, remainingSeconds));
            }
        }
        return new RestorePlan(injections, skipped);
    }

    /**
     * The templates live sync brought in while this node had no IPVS table (a hot-standby director programs
     * none): the kernel keeps such an entry unbound to any real server, and an unbound template does not steer
     * its client, which is scheduled afresh. The kernel binds an existing synced entry when a sync message for
     * it arrives and its real server exists, so once the table is programmed they are sent again, unchanged,
     * with the lifetime they have left; the usual checks apply, except that they are of course present.
     */
    public static RestorePlan rebinding(List<ConnectionRow> kernelRows, RestoreInputs inputs) throws ConnectionTableException {
        List<ConnectionRow> synced = kernelRows.stream()
                .filter(r -> r.isTemplate() && r.origin().filter("SYNC"::equals).isPresent())
                .toList();
        PersistenceSnapshot learnt = new PersistenceSnapshot("live sync", inputs.nowMs(),
                ConnectionTableReader.templates(synced, inputs.nowMs()));
        return of(learnt, new RestoreInputs(inputs.nowMs(), inputs.configuredReals(), inputs.downReals(),
                inputs.drainedReals(), Set.of()));
    }

    private static Optional<SkipReason> reasonToSkip(PersistenceTemplate template, long remainingSeconds,
                                                     Set<ServiceKey> virtuals, RestoreInputs inputs) {
        if (remainingSeconds < 1) {
            return Optional.of(SkipReason.EXPIRED);
        }
        ServiceKey service = template.service();
        if (!virtuals.contains(service)) {
            return Optional.of(SkipReason.UNKNOWN_VIRTUAL);
        }
        Optional<RealRef> real = inputs.configuredReals().stream()
                .filter(r -> r.service().equals(service) && matches(r, template))
                .findFirst();
        if (real.isEmpty()) {
            return Optional.of(SkipReason.UNKNOWN_REAL);
        }
        // a drained real is also absent or at weight 0 in the table: name the operator's reason, not "down"
        if (inputs.drainedReals().contains(real.get())) {
            return Optional.of(SkipReason.DRAINED);
        }
        if (inputs.downReals().contains(real.get())) {
            return Optional.of(SkipReason.REAL_DOWN);
        }
        if (inputs.presentInKernel().contains(template.key())) {
            return Optional.of(SkipReason.ALREADY_PRESENT);
        }
        return Optional.empty();
    }

    /** Firewall-mark MASQ templates carry real port 0, so there the address alone names the real. */
    private static boolean matches(RealRef real, PersistenceTemplate template) {
        return real.address().equals(template.real())
                && (real.port() == template.realPort() || template.realPort() == 0);
    }

    /** Counts per reason, in the order of the reasons. */
    public Map<SkipReason, Integer> skippedCounts() {
        Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
        for (Skipped s : skipped) {
            counts.merge(s.reason(), 1, Integer::sum);
        }
        return counts;
    }

    /** "Restored 3 persistence templates (skipped: 2 expired, 1 unknown real)". */
    public String summary() {
        String counts = skippedCounts().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().words())
                .collect(Collectors.joining(", "));
        return "Restored " + injections.size() + " persistence template" + (injections.size() == 1 ? "" : "s")
                + " (skipped: " + (counts.isEmpty() ? "none" : counts) + ")";
    }

    public List<SyncEntry> entries() {
        return injections.stream().map(Injection::toSyncEntry).toList();
    }
}
