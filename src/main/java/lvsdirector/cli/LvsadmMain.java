package lvsdirector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lvsdirector.cli.lvsadm.ConnectionSource;
import lvsdirector.cli.lvsadm.LvsadmCommand;
import lvsdirector.daemon.ControlClient;
import lvsdirector.daemon.DaemonOptions;
import lvsdirector.ipvs.format.ProcConnections;
import lvsdirector.ipvs.kernel.IpvsBackends;

/**
 * lvsadm: ipvsadm's listings. Reads the kernel's table (and its connection table from /proc/net/ip_vs_conn, and
 * its sync daemons) when IPVS is available; otherwise asks the running
 * daemon (in-memory backend) over its control socket. LVS_DIRECTOR_CFGNAME picks the daemon when several
 * run; LVS_DIRECTOR_RUNDIR says where their sockets are.
 */
public final class LvsadmMain {
    private LvsadmMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, false, StandardCharsets.UTF_8);
        IpvsBackends.Selection kernel = IpvsBackends.tryKernel();
        if (kernel.available()) {
            try (var backend = kernel.backend()) {
                return LvsadmCommand.run(() -> backend, ConnectionSource.procFile(ProcConnections.PROC_FILE), out, err,
                        args);
            }
        }
        Path runDir = Path.of(System.getenv().getOrDefault("LVS_DIRECTOR_RUNDIR", "/var/run"));
        List<Path> sockets = daemonSockets(runDir, System.getenv("LVS_DIRECTOR_CFGNAME"));
        if (sockets.size() != 1) {
            err.println("Can't initialize ipvs: " + kernel.unavailableReason());
            err.println(sockets.isEmpty() ? "and no running lvs-director daemon was found in " + runDir
                    : "and several daemons run: set LVS_DIRECTOR_CFGNAME to one of " + sockets);
            err.flush();
            return 2;
        }
        List<String> request = new ArrayList<>();
        request.add("lvsadm");
        request.addAll(Arrays.asList(args));
        try {
            ControlClient.Reply reply = ControlClient.request(sockets.get(0), request);
            out.print(reply.output());
            out.flush();
            return reply.status();
        } catch (IOException e) {
            err.println("Can't reach the daemon at " + sockets.get(0) + ": " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private static List<Path> daemonSockets(Path runDir, String cfgName) {
        if (cfgName != null) {
            Path socket = DaemonOptions.controlSocket(runDir, cfgName);
            return Files.exists(socket) ? List.of(socket) : List.of();
        }
        List<Path> found = new ArrayList<>();
        Path dir = DaemonOptions.controlSocket(runDir, "x").getParent();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.sock")) {
            stream.forEach(found::add);
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }
}
