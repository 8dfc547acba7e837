package lvsdirector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import lvsdirector.daemon.ControlClient;
import lvsdirector.daemon.DaemonOptions;

/** Requests to a running director daemon over its control socket, by config name. */
final class LdirectordControl {
    private final Path socket;

    LdirectordControl(Path runDir, String cfgName) {
        this.socket = DaemonOptions.controlSocket(runDir, cfgName);
    }

    /** The daemon's role: "active" or "standby", + " hot-standby" when started in standby; "" when unreachable. */
    String role() {
        try {
            ControlClient.Reply reply = ControlClient.request(socket, List.of("role"));
            return reply.status() == 0 ? reply.output().strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends the request; returns the daemon's reply (status 0 = done). */
    ControlClient.Reply request(String request) throws IOException {
        return ControlClient.request(socket, List.of(request));
    }
}
