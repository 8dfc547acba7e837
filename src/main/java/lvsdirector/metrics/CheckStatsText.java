package lvsdirector.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Prometheus text (format 0.0.4) for the per-real check statistics: the families
 * {@code lvsdirector_check_duration_seconds} (histogram), its {@code _max} gauge and
 * {@code lvsdirector_check_failures_total}, with the same labels, order and number forms the Micrometer
 * registry used for them before.
 */
final class CheckStatsText {
    static final String DURATION = "lvsdirector_check_duration_seconds";
    static final String FAILURES = "lvsdirector_check_failures_total";
    private static final String[] LE = new String[RealCheckStats.BOUNDS_NANOS.length];

    static {
        for (int i = 0; i < LE.length; i++) {
            LE[i] = Double.toString(RealCheckStats.BOUNDS_NANOS[i] / 1e9);
        }
    }

    private CheckStatsText() {}

    /** The three families for {@code stats}, keyed by [virtual, real]; empty when there are none. */
    static String of(Map<List<String>, RealCheckStats> stats, long nowMillis) {
        List<Map.Entry<List<String>, RealCheckStats>> entries = new ArrayList<>(stats.entrySet());
        if (entries.isEmpty()) {
            return "";
        }
        entries.sort(Comparator.<Map.Entry<List<String>, RealCheckStats>, String>comparing(e -> e.getKey().get(1))
                .thenComparing(e -> e.getKey().get(0)));
        StringBuilder histograms = new StringBuilder();
        StringBuilder maxima = new StringBuilder();
        StringBuilder failures = new StringBuilder();
        for (Map.Entry<List<String>, RealCheckStats> e : entries) {
            String virtual = escape(e.getKey().get(0));
            String real = escape(e.getKey().get(1));
            for (boolean success : new boolean[] {false, true}) {
                RealCheckStats.Histogram h = e.getValue().histogram(success, nowMillis);
                if (h.count() > 0) {
                    String labels = "real=\"" + real + "\",result=\"" + (success ? "success" : "failure")
                            + "\",virtual=\"" + virtual + "\"";
                    histogram(histograms, labels, h);
                    maxima.append(DURATION).append("_max{").append(labels).append("} ")
                            .append(h.maxNanos() / 1e9).append('\n');
                }
            }
            RealCheckStats.Reasons reasons = e.getValue().reasons();
            for (int i = 0; i < reasons.names().length; i++) {
                failures.append(FAILURES).append("{real=\"").append(real).append("\",reason=\"")
                        .append(escape(reasons.names()[i])).append("\",virtual=\"").append(virtual).append("\"} ")
                        .append((double) reasons.counts()[i]).append('\n');
            }
        }
        StringBuilder out = new StringBuilder();
        family(out, DURATION, "histogram", histograms);
        family(out, DURATION + "_max", "gauge", maxima);
        family(out, FAILURES, "counter", failures);
        return out.toString();
    }

    private static void histogram(StringBuilder out, String labels, RealCheckStats.Histogram h) {
        for (int i = 0; i < LE.length; i++) {
            out.append(DURATION).append("_bucket{").append(labels).append(",le=\"").append(LE[i]).append("\"} ")
                    .append(h.cumulative(i)).append('\n');
        }
        out.append(DURATION).append("_bucket{").append(labels).append(",le=\"+Inf\"} ").append(h.count()).append('\n');
        out.append(DURATION).append("_count{").append(labels).append("} ").append(h.count()).append('\n');
        out.append(DURATION).append("_sum{").append(labels).append("} ").append(h.sumNanos() / 1e9).append('\n');
    }

    private static void family(StringBuilder out, String name, String type, StringBuilder series) {
        if (series.isEmpty()) {
            return;
        }
        String help = name.startsWith(FAILURES) ? "Failed health checks of a real server, by reason"
                : "Duration of health checks of a real server, by result";
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        out.append(series);
    }

    /** Label values escape backslash, double quote and newline, as the text format requires. */
    static String escape(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
