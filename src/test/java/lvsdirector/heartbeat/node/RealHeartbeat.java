package lvsdirector.heartbeat.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's heartbeat 3.0.6 as one node in a network namespace, with private UTS, mount and PID namespaces
 * ({@code real-heartbeat-node.sh}): its /etc/ha.d and /var/lib/heartbeat are copies in a temp directory.
 */
final class RealHeartbeat implements AutoCloseable {
    static final String BINARY = "/usr/libexec/heartbeat/heartbeat";

    final String node;
    final Path dir;
    private final Netns netns;
    private final String ns;
    private Process process;

    RealHeartbeat(Netns netns, String ns, String node, Path dir, String haCf, String authkeys) throws IOException, InterruptedException {
        this.netns = netns;
        this.ns = ns;
        this.node = node;
        this.dir = dir;
        Files.createDirectories(dir);
        Netns.run("cp", "-a", "/etc/ha.d", dir.resolve("etc-ha.d").toString());
        Netns.run("cp", "-a", "/var/lib/heartbeat", dir.resolve("varlib").toString());
        Files.writeString(dir.resolve("etc-ha.d/ha.cf"), "logfile " + log() + "\n" + haCf);
        Files.writeString(dir.resolve("etc-ha.d/haresources"), "");
        Path keys = dir.resolve("etc-ha.d/authkeys");
        Files.writeString(keys, authkeys);
        Netns.run("chmod", "600", keys.toString());
        try (InputStream script = RealHeartbeat.class.getResourceAsStream("real-heartbeat-node.sh")) {
            Files.write(dir.resolve("node.sh"), script.readAllBytes());
        }
    }

    /** haresources and one resource script in the node's /etc/ha.d/resource.d. */
    void resources(String haresources, String scriptName, String script) throws IOException {
        Files.writeString(dir.resolve("etc-ha.d/haresources"), haresources);
        Path file = dir.resolve("etc-ha.d/resource.d").resolve(scriptName);
        Files.writeString(file, script);
        file.toFile().setExecutable(true, false);
    }

    Path log() {
        return dir.resolve("ha-log");
    }

    void start() throws IOException {
        process = new ProcessBuilder(netns.exec(ns, List.of("unshare", "--uts", "--mount", "--pid", "--fork", "--kill-child",
                "--mount-proc", "bash", dir.resolve("node.sh").toString(), node, dir.toString())))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile()).start();
    }

    /** SIGKILL of unshare: --kill-child takes the whole node (its PID namespace) down. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    long generation() throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("varlib/hb_generation")).strip());
    }

    /** {@code cl_status nodestatus NODE} run inside the node's namespaces, or the error text. */
    String nodestatus(String other) {
        return clStatus("nodestatus", other);
    }

    /** {@code cl_status rscstatus}: none, local, foreign, all or transition. */
    String rscstatus() {
        return clStatus("rscstatus");
    }

    /** A heartbeat command-line tool (cl_status, or e.g. /usr/share/heartbeat/hb_standby) run inside the node's namespaces. */
    String inNode(String... command) {
        return clStatusLike(command);
    }

    private String clStatus(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "cl_status";
        System.arraycopy(args, 0, command, 1, args.length);
        return clStatusLike(command);
    }

    private String clStatusLike(String... command) {
        try {
            long heartbeat = process.toHandle().children().findFirst().orElseThrow().pid();
            List<String> argv = new java.util.ArrayList<>(List.of("nsenter", "-t", Long.toString(heartbeat), "-m", "-u", "-n", "-p"));
            argv.addAll(List.of(command));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException | RuntimeException e) {
            return "error: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log(), StandardCharsets.ISO_8859_1) : "";
    }

    @Override
    public String toString() {
        return "real heartbeat " + node;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
