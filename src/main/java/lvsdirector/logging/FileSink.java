package lvsdirector.logging;

import lvsdirector.support.Ctime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * ldirectord's log file: "[ctime|CFGNAME|pid] message", the file opened in append mode and closed for
 * every line, so logrotate needs no signal. A line that cannot be written goes to stderr instead.
 */
final class FileSink implements LogSink {
    private final Path file;
    private final String configName;
    private final long pid;
    private final Clock clock;
    private final PrintStream fallback;

    FileSink(Path file, String configName, long pid, Clock clock, PrintStream fallback) {
        this.file = file;
        this.configName = configName;
        this.pid = pid;
        this.clock = clock;
        this.fallback = fallback;
    }

    @Override
    public synchronized void write(String message) {
        String line = "[" + Ctime.FORMAT.format(ZonedDateTime.now(clock)) + "|" + configName + "|" + pid + "] " + message + "\n";
        try {
            Files.write(file, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            fallback.println(message);
        }
    }

    @Override
    public String describe() {
        return "file " + file;
    }
}
