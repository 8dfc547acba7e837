package lvsdirector.cli.drbdsync;

import java.time.Duration;
import java.util.Locale;
import lvsdirector.state.DrbdStatus;

/** A resync or verify as one line: {@code [=====>....] 41.2% finish 0:00:12}. */
final class ProgressBar {
    static final int WIDTH = 20;

    private ProgressBar() {}

    static String render(DrbdStatus.Resync resync) {
        double percent = Math.max(0, Math.min(100, resync.percent()));
        int done = (int) Math.floor(percent * WIDTH / 100);
        StringBuilder bar = new StringBuilder("[").append("=".repeat(done));
        if (done < WIDTH) {
            bar.append('>').append(".".repeat(WIDTH - done - 1));
        }
        bar.append("] ").append(String.format(Locale.ROOT, "%.1f%%", percent));
        if (resync.finish() != null) {
            bar.append(" finish ").append(clock(resync.finish()));
        }
        return bar.toString();
    }

    /** "0:00:12", DRBD's own way of writing the time left. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
