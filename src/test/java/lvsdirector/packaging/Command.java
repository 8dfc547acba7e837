package lvsdirector.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Test helper: runs a command to completion and keeps its exit status and both streams. */
record Command(int status, String out, String err) {

    static Command run(Map<String, String> environment, Path directory, List<String> command) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path stdout = java.nio.file.Files.createTempFile("cmd", ".out");
        Path stderr = java.nio.file.Files.createTempFile("cmd", ".err");
        try {
            builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after 120 s: " + command);
            }
            return new Command(process.exitValue(), java.nio.file.Files.readString(stdout, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(stdout);
            java.nio.file.Files.deleteIfExists(stderr);
        }
    }

    static Command run(List<String> command) throws IOException, InterruptedException {
        return run(Map.of(), Path.of("."), command);
    }

    /** Both streams, for assertion messages. */
    String transcript() {
        return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
