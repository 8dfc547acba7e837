package lvsdirector.heartbeat.vip;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a run of announcement frames in the background, frame i at start + i × spacing (deadlines from the start,
 * so a late wake-up does not push every later frame back), on its own daemon thread, which also opens the frame
 * sender. Cancelling stops it before the next frame. The frame sender is closed when the run ends either way. An
 * open or send failure is logged and ends the run: the address is configured, only the announcement is lost.
 */
final class Announcer implements Announcements {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    @Override
    public Running start(String name, SenderOpener opener, List<byte[]> frames, Duration spacing) {
        Run run = new Run(name, opener, List.copyOf(frames), spacing);
        Thread thread = new Thread(run, "announce " + name);
        thread.setDaemon(true);
        run.thread = thread;
        thread.start();
        return run;
    }

    private static final class Run implements Runnable, Running {
        private final String name;
        private final SenderOpener opener;
        private final List<byte[]> frames;
        private final Duration spacing;
        private volatile boolean cancelled;
        private volatile int sent;
        private volatile Thread thread;

        Run(String name, SenderOpener opener, List<byte[]> frames, Duration spacing) {
            this.name = name;
            this.opener = opener;
            this.frames = frames;
            this.spacing = spacing;
        }

        @Override
        public void run() {
            FrameSender sender;
            try {
                sender = opener.open();
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: no announcement sent: {}", name, e.getMessage());
                return;
            }
            long start = System.nanoTime();
            try {
                for (int i = 0; i < frames.size() && !cancelled; i++) {
                    long deadline = start + i * spacing.toNanos();
                    for (long wait = deadline - System.nanoTime(); wait > 0 && !cancelled; wait = deadline - System.nanoTime()) {
                        LockSupport.parkNanos(this, wait);
                    }
                    if (!cancelled) {
                        sender.send(frames.get(i));
                        sent = i + 1;
                    }
                }
            } catch (IOException e) {
                LOG.warn("{}: announcement stopped after {} of {} frames: {}", name, sent, frames.size(), e.getMessage());
            } finally {
                sender.close();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            Thread t = thread;
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public int framesSent() {
            return sent;
        }

        @Override
        public boolean finished() {
            return !thread.isAlive();
        }
    }
}
