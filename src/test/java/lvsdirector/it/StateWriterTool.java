package lvsdirector.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import lvsdirector.state.StateDirectory;
import lvsdirector.state.StateDocument;
import lvsdirector.state.StateSettings;
import lvsdirector.state.StateUnavailableException;

/**
 * Run inside UML by {@link DrbdStateIT}: the director's state writer ({@link StateDirectory}, settings from
 * the LVS_DIRECTOR_* environment) writing {@code COUNT} times (0 = until killed) each of the named files,
 * a persistence-sized payload (300 templates, ~30 KB) tagged {@code TAG}. After each durable write it
 * prints {@code ack NAME SEQ}; when this node may not write it prints {@code refused: REASON} and exits 3.
 * Arguments: COUNT TAG NAME...
 */
public final class StateWriterTool {
    private StateWriterTool() {}

    public static void main(String[] args) throws Exception {
        long count = Long.parseLong(args[0]);
        String tag = args[1];
        StateDirectory directory = new StateDirectory(StateSettings.fromEnvironment(System.getenv()), Clock.systemUTC());
        for (long i = 0; count == 0 || i < count; i++) {
            for (int n = 2; n < args.length; n++) {
                try {
                    StateDocument written = directory.file(args[n], 1).write(payload(tag, i));
                    System.out.println("ack " + args[n] + " " + written.seq());
                    System.out.flush();
                } catch (StateUnavailableException e) {
                    System.out.println("refused: " + e.getMessage());
                    System.out.flush();
                    System.exit(3);
                }
            }
        }
    }

    private static JsonObject payload(String tag, long round) {
        JsonArray templates = new JsonArray();
        for (int t = 0; t < 300; t++) {
            templates.add(new JsonObject().put("proto", "TCP").put("client", "10.0." + (t / 250 + 1) + "." + (t % 250 + 1))
                    .put("vip", "10.0.1.100").put("vport", 80).put("fwmark", 0).put("rs", "10.0.2.1" + (t % 3 + 1))
                    .put("rport", 80).put("state", "ASSURED").put("expires_at_ms", 1_800_000_000_000L + round));
        }
        return new JsonObject().put("writer_tag", tag).put("round", round).put("templates", templates);
    }
}
