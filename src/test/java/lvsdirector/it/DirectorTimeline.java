package lvsdirector.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a director inside UML did, on the kernel's clock: its stderr lines as read by timestamp-follow.py
 * ("EPOCH_MS line"), and its GC/safepoint log ("[EPOCH_MSms] ..."). When a detection takes longer than its
 * bound, this tells a late verdict of the director (its log line is late, a long pause shows) from a late
 * poll of the table (the line came in time).
 */
final class DirectorTimeline {
    private static final Pattern FOLLOWED = Pattern.compile("^(\\d{13}) (.*)$");
    private static final Pattern JVM = Pattern.compile("^\\[(\\d{13})ms\\] (.*)$");

    private final Path followed;
    private final Path jvmLog;

    private DirectorTimeline(Path followed, Path jvmLog) {
        this.followed = followed;
        this.jvmLog = jvmLog;
    }

    /** Starts following {@code directorLog} inside UML (the follower ends with the kernel). */
    static DirectorTimeline follow(UmlAgent uml, Path directorLog, Path jvmLog) throws Exception {
        Path followed = directorLog.resolveSibling(directorLog.getFileName() + ".timed");
        uml.ok("python3 src/test/resources/it/timestamp-follow.py " + directorLog + " " + followed
                + " > /dev/null 2>&1 & echo $!");
        return new DirectorTimeline(followed, jvmLog);
    }

    /** When the first director line containing {@code text} was read at or after {@code from}; -1: none yet. */
    long firstAfter(long from, String text) {
        for (Entry entry : entries()) {
            if (entry.at >= from && entry.line.contains(text)) {
                return entry.at;
            }
        }
        return -1;
    }

    /** The director's lines and its JVM's GC/safepoint lines from a second before {@code from} to {@code to}. */
    String between(long from, long to) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries()) {
            if (entry.at >= from - 1000 && entry.at <= to) {
                text.append(String.format("  %+6d ms %s%n", entry.at - from, entry.line));
            }
        }
        return text.length() == 0 ? "  (nothing logged)" : text.toString();
    }

    private List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        read(followed, FOLLOWED, "", all);
        read(jvmLog, JVM, "jvm: ", all);
        all.sort((a, b) -> Long.compare(a.at, b.at));
        return all;
    }

    private static void read(Path file, Pattern pattern, String prefix, List<Entry> into) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                Matcher m = pattern.matcher(line);
                if (m.matches()) {
                    into.add(new Entry(Long.parseLong(m.group(1)), prefix + m.group(2)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(long at, String line) {}
}
