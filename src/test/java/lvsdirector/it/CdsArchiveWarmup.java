package lvsdirector.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the launchers' class-data-sharing archive (scripts/jvm-start.sh) on the host before the first UML
 * kernel boots. A launcher builds a missing archive in the background on first use; if that first use were
 * inside a one-CPU UML kernel, the build would compete for 15-60 s with the very director whose timing the
 * test measures. Once per test JVM; a build that fails or takes too long only leaves the launchers without
 * the archive, which they tolerate.
 */
public final class CdsArchiveWarmup {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static boolean done;

    private CdsArchiveWarmup() {}

    public static synchronized void onHost() throws IOException, InterruptedException {
        if (done) {
            return;
        }
        done = true;
        Path lvsadm = UmlAgent.HOME.resolve("scripts/lvsadm");
        if (!Files.isExecutable(lvsadm)) {
            return;
        }
        // any short tool starts the build when the archive for this jar set and JVM is missing
        Process tool = new ProcessBuilder(lvsadm.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        tool.waitFor();
        Path cache = UmlAgent.HOME.resolve("target/cds");
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (building(cache) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static boolean building(Path cache) throws IOException {
        if (!Files.isDirectory(cache)) {
            return false;
        }
        try (Stream<Path> files = Files.list(cache)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            return names.stream().anyMatch(n -> n.endsWith(".lock"));
        }
    }
}
