package lvsdirector.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** The {@code /status} document: times as ISO-8601 UTC, absent values as JSON null. */
final class StatusJson {
    private StatusJson() {}

    static JsonObject of(StatusReport report) {
        JsonArray virtuals = new JsonArray();
        for (StatusReport.Virtual v : report.virtuals()) {
            JsonArray reals = new JsonArray();
            for (StatusReport.Real r : v.reals()) {
                reals.add(new JsonObject()
                        .put("server", r.server())
                        .put("health", r.health().word())
                        .put("weight", r.weight())
                        .put("lastMessage", r.lastMessage())
                        .put("since", time(r.since()))
                        .put("drained", r.drained())
                        .put("weightOverride", r.weightOverride())
                        .put("lastFailure", r.lastFailure() == null ? null : new JsonObject()
                                .put("reason", r.lastFailure().reason())
                                .put("message", r.lastFailure().message())
                                .put("at", time(r.lastFailure().at()))));
            }
            virtuals.add(new JsonObject()
                    .put("id", v.id())
                    .put("name", v.name())
                    .put("fallbackActive", v.fallbackActive())
                    .put("liveReals", v.liveReals())
                    .put("reals", reals));
        }
        return new JsonObject()
                .put("status", report.daemonStatus())
                .put("generatedAt", time(report.generatedAt()))
                .put("heartbeat", report.heartbeat())
                .put("drbd", report.drbd())
                .put("unmatchedOverrides", new JsonArray(new java.util.ArrayList<>(report.unmatchedOverrides())))
                .put("virtuals", virtuals);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
