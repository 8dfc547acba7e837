package lvsdirector.check.text;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian server run in the foreground by a test: its whole process tree can be frozen (SIGSTOP, the
 * honest "hanging server": the kernel still accepts connections, nobody answers) and is always killed on
 * close, children included.
 */
final class RealServer implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    /** Kills the tree if the test JVM is stopped before close() runs. */
    private final Thread killOnExit;

    private RealServer(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.killOnExit = new Thread(this::kill, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static RealServer start(String name, Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new RealServer(name, process, log);
    }

    /** Reads the resource template and fills in its @KEY@ placeholders. */
    static String template(String resource, Map<String, String> values) throws IOException {
        try (InputStream in = RealServer.class.getResourceAsStream("/proto-text/" + resource)) {
            if (in == null) {
                throw new IOException("missing test resource /proto-text/" + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("@" + e.getKey() + "@", e.getValue());
            }
            return text;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits until the port accepts and the server's first bytes contain {@code greeting}. */
    void awaitGreeting(int port, String greeting, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                s.setSoTimeout(1000);
                byte[] buffer = new byte[512];
                int n = s.getInputStream().read(buffer);
                last = n > 0 ? new String(buffer, 0, n, StandardCharsets.ISO_8859_1) : "";
                if (last.contains(greeting)) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready on port " + port + " (last: " + last.strip() + "):\n"
                + log());
    }

    /** SIGSTOP to the server and all its children. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(process.pid())));
        process.descendants().forEach(p -> command.add(Long.toString(p.pid())));
        // a child that exited meanwhile makes kill complain; that is fine
        new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        try {
            thaw();
        } catch (IOException e) {
            // not frozen, or already gone
        }
        kill();
        Runtime.getRuntime().removeShutdownHook(killOnExit);
    }

    /** SIGTERM, then SIGKILL to whatever of the tree (children included) is still alive after 5 s. */
    private void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle p : tree) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
