package lvsdirector.heartbeat.resource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one script to completion with a time limit. Output goes to temporary files, not pipes, because a
 * {@code start} action often leaves a daemon behind that inherits them and would keep a pipe open. On
 * timeout the script and everything it started are killed; the direct child is always reaped.
 */
public final class ScriptRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);

    private final Duration timeout;

    public ScriptRunner(Duration timeout) {
        this.timeout = timeout;
    }

    public ScriptResult run(List<String> argv, Map<String, String> environment) throws IOException {
        Path out = Files.createTempFile("hb-script", ".out");
        Path err = Files.createTempFile("hb-script", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = waitFor(process);
            if (!finished) {
                LOG.error("ERROR: {} did not finish within {} s: killed", String.join(" ", argv), timeout.toSeconds());
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                waitFor(process);
            }
            ScriptResult result = new ScriptResult(finished ? process.exitValue() : -1, read(out), read(err), !finished);
            LOG.info("info: {} -> {}", String.join(" ", argv), result.summary());
            return result;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private boolean waitFor(Process process) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IOException("interrupted while running " + process.info().command().orElse("a script"), e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.ISO_8859_1);
    }
}
