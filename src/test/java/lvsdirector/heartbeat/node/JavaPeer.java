package lvsdirector.heartbeat.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lvsdirector.cli.heartbeat.HeartbeatMain;
import picocli.CommandLine;

/** Our peer ({@code HeartbeatMain start}) as a separate JVM inside a network namespace. */
final class JavaPeer implements AutoCloseable {
    final String node;
    final Path dir;
    private final Netns netns;
    private final String ns;
    private Process process;
    private int starts;

    JavaPeer(Netns netns, String ns, String node, Path dir, String haCf, String authkeys) throws IOException, InterruptedException {
        this.netns = netns;
        this.ns = ns;
        this.node = node;
        this.dir = dir;
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/ha.cf"), haCf);
        Path keys = dir.resolve("etc/authkeys");
        Files.writeString(keys, authkeys);
        Netns.run("chmod", "600", keys.toString());
    }

    /** haresources and one resource script in our resource.d; a stop failure fences by writing {@code fenced}. */
    void resources(String haresources, String scriptName, String script) throws IOException {
        Files.writeString(dir.resolve("etc/haresources"), haresources);
        Path file = Files.createDirectories(dir.resolve("etc/resource.d")).resolve(scriptName);
        Files.writeString(file, script);
        file.toFile().setExecutable(true, false);
    }

    Path stateDir() {
        return dir.resolve("state");
    }

    Path log() {
        return dir.resolve("out-" + starts + ".log");
    }

    void start() throws IOException {
        starts++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(netns.exec(ns, List.of(java, "-cp", System.getProperty("java.class.path"),
                HeartbeatMain.class.getName(), "start", "--config-dir", dir.resolve("etc").toString(),
                "--state-dir", stateDir().toString(), "--node", node,
                "--fence-command", "touch " + dir.resolve("fenced"))))
                .redirectErrorStream(true).redirectOutput(log().toFile()).start();
    }

    /** SIGKILL: no shutdown announcement. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM: graceful stop. */
    int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(15, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** What {@code heartbeat status NODE} prints (run in this JVM against the peer's state directory). */
    String status(String other) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new HeartbeatMain());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        int rc = cli.execute("status", "--state-dir", stateDir().toString(), other);
        return rc == 0 ? out.toString(StandardCharsets.UTF_8).strip() : "rc " + rc;
    }

    /** Runs {@code heartbeat ARGS --state-dir ...} in this JVM: "rc N: output". */
    String command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new HeartbeatMain());
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(out, true, StandardCharsets.UTF_8));
        List<String> argv = new java.util.ArrayList<>(List.of(args));
        argv.addAll(List.of("--state-dir", stateDir().toString()));
        int rc = cli.execute(argv.toArray(String[]::new));
        return "rc " + rc + ": " + out.toString(StandardCharsets.UTF_8).strip();
    }

    String rscstatus() {
        String reply = command("rscstatus");
        return reply.startsWith("rc 0: ") ? reply.substring(6) : reply;
    }

    long generation() throws IOException {
        return new StateDirectory(stateDir()).currentGeneration();
    }

    String logText() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            Path file = dir.resolve("out-" + i + ".log");
            if (Files.exists(file)) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    String currentLog() throws IOException {
        return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
    }

    @Override
    public String toString() {
        return "our peer " + node;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
