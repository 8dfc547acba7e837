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
                .put("heartbeatState", report.heartbeatState())
                .put("drbd", report.drbd())
                .put("stateDirectory", stateDirectory(report.stateDirectory()))
                .put("unmatchedOverrides", new JsonArray(new java.util.ArrayList<>(report.unmatchedOverrides())))
                .put("virtuals", virtuals);
    }

    private static JsonObject stateDirectory(StatusReport.StateDirectory state) {
        if (state == null) {
            return null;
        }
        StatusReport.Drbd d = state.drbd();
        JsonArray files = new JsonArray();
        for (StatusReport.StateFileInfo f : state.files()) {
            files.add(new JsonObject().put("name", f.name()).put("seq", f.seq() < 0 ? null : f.seq())
                    .put("writtenAt", time(f.writtenAt())).put("node", f.node()).put("problem", f.problem()));
        }
        return new JsonObject()
                .put("placement", state.placement())
                .put("detail", state.detail())
                .put("lastWrite", state.lastWriteMillis() == 0 ? null : time(Instant.ofEpochMilli(state.lastWriteMillis())))
                .put("splitBrain", state.splitBrain())
                .put("drbd", d == null ? null : new JsonObject()
                        .put("resource", d.resource()).put("minor", d.minor()).put("connection", d.connection())
                        .put("role", d.role()).put("peerRole", d.peerRole())
                        .put("disk", d.disk()).put("peerDisk", d.peerDisk()))
                .put("files", files);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
