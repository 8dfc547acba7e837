package lvsdirector.check.lib;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A real server started by a test: output to a log file, readiness polling, and a stop that leaves nothing. */
final class ServerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Runnable extraStop;

    private ServerProcess(String name, Process process, Path log, Runnable extraStop) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.extraStop = extraStop;
    }

    static ServerProcess start(String name, Path log, List<String> command) throws IOException {
        return start(name, log, command, () -> { });
    }

    /** @param extraStop run on close before the process is killed (e.g. pg_ctl stop for a daemonizing server) */
    static ServerProcess start(String name, Path log, List<String> command, Runnable extraStop) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new ServerProcess(name, process, log, extraStop);
    }

    /** Runs a setup command to completion; fails with its output when it exits non-zero. */
    static void run(Path log, Duration limit, List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + limit);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(command + " exited " + process.exitValue() + ":\n" + Files.readString(log));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static boolean tcpOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void awaitTcp(int port, Duration limit) throws Exception {
        await(() -> tcpOpen(port), limit, "port " + port);
    }

    void awaitLog(String text, Duration limit) throws Exception {
        await(() -> logText().contains(text), limit, "\"" + text + "\" in its log");
    }

    private void await(BooleanSupplier ready, Duration limit, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited " + process.exitValue() + " before " + what + ":\n"
                        + logText());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " not ready (" + what + ") within " + limit + ":\n" + logText());
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            extraStop.run();
        } finally {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
