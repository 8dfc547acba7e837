package lvsdirector.cli.drbdsync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host names of a DRBD resource's {@code on NAME { ... }} sections, as {@code drbdadm dump RESOURCE}
 * prints them: two names mean a peer is configured, so a StandAlone connection is not the intended state.
 */
final class DrbdPeers {
    private static final Pattern ON = Pattern.compile("(?m)^\\s*on\\s+([A-Za-z0-9_.-]+)\\s*\\{");

    private DrbdPeers() {}

    static List<String> parse(String dump) {
        List<String> hosts = new ArrayList<>();
        Matcher m = ON.matcher(dump);
        while (m.find()) {
            if (!hosts.contains(m.group(1))) {
                hosts.add(m.group(1));
            }
        }
        return List.copyOf(hosts);
    }

    /** Runs {@code drbdadm dump RESOURCE}; empty when drbdadm is missing, fails or hangs (the reason is lost). */
    static List<String> fromDrbdadm(String resource) {
        Path out = null;
        try {
            out = Files.createTempFile("drbd-sync-dump", ".txt");
            // output to a file, so a hanging drbdadm cannot block a read: the wait below bounds it
            Process p = new ProcessBuilder("drbdadm", "dump", resource).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return List.of();
            }
            return p.exitValue() == 0 ? parse(Files.readString(out, StandardCharsets.UTF_8)) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            deleteQuietly(out);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file is harmless
            }
        }
    }
}
