package lvsdirector.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lvsdirector.testing.RealParts;

/**
 * A user-mode-linux kernel running scripts/uml/agent.sh: {@link #run} hands one shell command to it
 * (executed as root in the project directory inside the kernel) and returns its exit status and output.
 * Command and reply files live in a directory under the shared /tmp; closing ends the agent, which powers
 * the kernel off, and kills the kernel's process group if it does not stop in time.
 */
final class UmlAgent implements AutoCloseable {
    static final Path HOME = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
    /**
     * A watchdog, not a timing assertion: a command that starts one JVM in the one-CPU kernel takes 5-30 s, and
     * `drbd-sync start` starts two in a row (the first waits up to 60 s for the second): on a loaded CI host that
     * went past 60 s once.
     */
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(180);

    record Result(int status, String output) {
        Result requireSuccess(String command) {
            if (status != 0) {
                throw new IllegalStateException("inside UML `" + command + "` exited " + status + ":\n" + output);
            }
            return this;
        }
    }

    private final Path dir;
    private final Process kernel;
    private final Path console;
    private int next = 1;

    private UmlAgent(Path dir, Process kernel) {
        this.dir = dir;
        this.kernel = kernel;
        this.console = dir.resolve("uml-console.txt");
    }

    /** Skips (or fails when required) without linux.uml; boots and waits until the agent is ready. */
    static UmlAgent boot(int limitSeconds) throws IOException, InterruptedException {
        return boot(limitSeconds, Map.of());
    }

    /** As {@link #boot(int)}, with extra environment for scripts/uml-run (UML_SWITCH, UML_HOSTNAME, UML_DRBD...). */
    static UmlAgent boot(int limitSeconds, Map<String, String> environment) throws IOException, InterruptedException {
        RealParts.assume(RealParts.executable("/usr/bin/linux.uml"), "linux.uml (Debian package user-mode-linux)");
        RealParts.assume(Files.isDirectory(Path.of("/usr/lib/uml/modules")), "UML kernel modules in /usr/lib/uml/modules");
        RealParts.assume(RealParts.executable("/usr/sbin/ipvsadm") || RealParts.executable("/sbin/ipvsadm"), "ipvsadm");
        CdsArchiveWarmup.onHost();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "uml-agent");
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("scripts/uml-run").toString(), "sh",
                HOME.resolve("scripts/uml/agent.sh").toString(), dir.toString(), "120")
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("uml-console.txt").toFile());
        builder.environment().put("UML_TIMEOUT", Integer.toString(limitSeconds));
        builder.environment().putAll(environment);
        UmlAgent agent = new UmlAgent(dir, builder.start());
        agent.awaitFile(dir.resolve("ready"), Duration.ofSeconds(60));
        return agent;
    }

    Path dir() {
        return dir;
    }

    Result run(String command) throws IOException, InterruptedException {
        return run(command, COMMAND_LIMIT);
    }

    Result run(String command, Duration limit) throws IOException, InterruptedException {
        int number = next++;
        Path pending = dir.resolve("cmd." + number + ".tmp");
        Files.writeString(pending, command, StandardCharsets.UTF_8);
        Files.move(pending, dir.resolve("cmd." + number), StandardCopyOption.ATOMIC_MOVE);
        Path status = dir.resolve("rc." + number);
        awaitFile(status, limit);
        String output = Files.readString(dir.resolve("out." + number), StandardCharsets.UTF_8);
        return new Result(Integer.parseInt(Files.readString(status).trim()), output);
    }

    /** Runs the command and returns its output, failing on a non-zero exit status. */
    String ok(String command) throws IOException, InterruptedException {
        return run(command).requireSuccess(command).output();
    }

    private void awaitFile(Path file, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(file)) {
            if (!kernel.isAlive()) {
                throw new IllegalStateException("the UML kernel ended (status " + kernel.exitValue() + "):\n" + consoleText());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + file.getFileName() + " from the UML agent within " + limit + "\n" + consoleText());
            }
            Thread.sleep(10);
        }
    }

    private String consoleText() throws IOException {
        return Files.exists(console) ? Files.readString(console) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            Path pending = dir.resolve("cmd." + next + ".tmp");
            Files.writeString(pending, "exit");
            Files.move(pending, dir.resolve("cmd." + next), StandardCopyOption.ATOMIC_MOVE);
            if (!kernel.waitFor(30, TimeUnit.SECONDS)) {
                // the kernel leads its own process group (setsid), so killing uml-run alone would leave it
                kernel.descendants().forEach(ProcessHandle::destroyForcibly);
                kernel.destroyForcibly();
                kernel.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            if (Boolean.getBoolean("it.keep")) {
                System.out.println("UmlAgent: kept " + dir + " (it.keep=true)");
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
