package lvsdirector.logging;

import lvsdirector.support.Ctime;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * Foreground logging: supervised mode writes "[ctime] message" to stdout; debug mode (-d) writes the
 * bare message to stderr.
 */
final class StreamSink implements LogSink {
    private final PrintStream out;
    private final boolean timestamped;
    private final Clock clock;

    StreamSink(PrintStream out, boolean timestamped, Clock clock) {
        this.out = out;
        this.timestamped = timestamped;
        this.clock = clock;
    }

    @Override
    public synchronized void write(String message) {
        if (timestamped) {
            out.println("[" + Ctime.FORMAT.format(ZonedDateTime.now(clock)) + "] " + message);
        } else {
            out.println(message);
        }
        out.flush();
    }

    @Override
    public String describe() {
        return timestamped ? "stdout (supervised)" : "stderr (debug)";
    }
}
