package lvsdirector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lvsdirector.daemon.ControlClient;
import lvsdirector.daemon.DaemonOptions;

/**
 * Requests to a running director daemon over its control socket, by config name, and the one place
 * where a refused or unreachable request becomes an error message.
 */
final class LdirectordControl {
    private final Path socket;
    private final String cfgName;

    LdirectordControl(Path runDir, String cfgName) {
        this.socket = DaemonOptions.controlSocket(runDir, cfgName);
        this.cfgName = cfgName;
    }

    /**
     * The daemon's role: "active", "standby" or (before its director exists) "starting", + " hot-standby" when
     * started in standby; "" when unreachable.
     */
    String role() {
        try {
            ControlClient.Reply reply = ControlClient.request(socket, List.of("role"));
            return reply.status() == 0 ? reply.output().strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The role, waiting (up to {@code limit}) for a daemon that has just written its pid file to open its
     * control socket; "" when it never answers.
     */
    String awaitRole(java.time.Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String role = role();
        while (role.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "";
            }
            role = role();
        }
        return role;
    }

    /** Sends the request; returns the daemon's reply (status 0 = done). */
    ControlClient.Reply request(String request) throws IOException {
        return ControlClient.request(socket, List.of(request));
    }

    /**
     * Sends a request the daemon must carry out (activate, deactivate...).
     *
     * @return empty when it did, else why not: the daemon's refusal or why it could not be reached
     */
    Optional<String> perform(String request) {
        try {
            ControlClient.Reply reply = request(request);
            return reply.status() == 0 ? Optional.empty()
                    : Optional.of(request + " refused by the director for " + cfgName + ": " + reply.output().strip());
        } catch (IOException e) {
            return Optional.of("cannot reach the director for " + cfgName + " to " + request + ": " + e.getMessage());
        }
    }
}
