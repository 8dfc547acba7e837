package lvsdirector.state;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Child process of {@link StateFileCrashTest}: replaces DIR/NAME with a ~30 KB document in a loop and
 * prints "ack SEQ" after each write returned (that write is then acknowledged).
 */
public final class StateFileWriterChild {
    private StateFileWriterChild() {}

    public static void main(String[] args) throws Exception {
        StateFile file = new StateFile(Path.of(args[0]), args[1], 1, "child", Clock.systemUTC());
        JsonArray templates = new JsonArray();
        for (int i = 0; i < 300; i++) {
            templates.add(new JsonObject().put("client", "10.0.1." + (i % 250)).put("vip", "10.0.1.100").put("vport", 80)
                    .put("rs", "10.0.2." + (i % 7)).put("expires_at_ms", 1_800_000_000_000L + i));
        }
        JsonObject payload = new JsonObject().put("templates", templates);
        while (true) {
            StateDocument written = file.write(payload);
            System.out.println("ack " + written.seq());
            System.out.flush();
        }
    }
}
