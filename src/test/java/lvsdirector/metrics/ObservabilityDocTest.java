package lvsdirector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every series a fully populated scrape shows is listed, one line each, in docs/observability.md. */
class ObservabilityDocTest {

    @Test
    void everyMetricOfAFullScrapeHasItsOneLineInTheDocs() throws Exception {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        DirectorMetrics metrics = new DirectorMetrics(Clock.systemUTC());
        metrics.checkCompleted("tcp:192.0.2.1:80", "10.0.0.2:80", false, Duration.ofMillis(3), "refused", "no");
        metrics.ipvsOperation("add_service", "EEXIST");
        metrics.roundFinished("round", true);
        metrics.reloadFinished(DirectorMetrics.ReloadOutcome.APPLIED);
        StatusReport.StateDirectory state = new StatusReport.StateDirectory("shared", true, now.toEpochMilli(), "d",
                new StatusReport.Drbd("r0", 0, "Connected", "Primary", "Secondary", "UpToDate", "UpToDate"), false,
                List.of(new StatusReport.StateFileInfo("overrides.json", 3, now, "nodea", null)));
        StatusReport report = new StatusReport("running", now, List.of(new StatusReport.Virtual("tcp:192.0.2.1:80",
                "192.0.2.1:80", false, List.of(new StatusReport.Real("10.0.0.2:80", StatusReport.Health.UP, 1, "ok", now,
                        null, true, 5)))), "active (a; no peer; resources: all)", "Primary r0 (Connected)", List.of(),
                state, "active");
        List<String> names = metrics.scrape(report).lines().filter(l -> l.startsWith("# TYPE "))
                .map(l -> l.split(" ")[2])
                // a timer's _max gauge belongs to its histogram's line
                .map(n -> n.endsWith("_seconds_max") ? n.substring(0, n.length() - "_max".length()) : n).distinct().toList();
        assertThat(names).hasSizeGreaterThanOrEqualTo(24);
        List<String> docLines = Files.readAllLines(Path.of("docs/observability.md"));
        for (String name : names) {
            assertThat(docLines).as("a '- `%s` — meaning' line in docs/observability.md", name)
                    .anyMatch(l -> l.startsWith("- `" + name + "` — "));
        }
    }
}
