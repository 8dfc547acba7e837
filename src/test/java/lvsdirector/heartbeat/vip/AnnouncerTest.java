package lvsdirector.heartbeat.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The background run's spacing, cancellation and clean-up, with a recording sender and short spacing. */
class AnnouncerTest {
    private final List<Long> sentAt = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    private final FrameSender recorder = new FrameSender() {
        @Override
        public void send(byte[] frame) {
            sentAt.add(System.nanoTime());
        }

        @Override
        public void close() {
            closed = true;
        }
    };

    @Test
    void sendsEveryFrameOnItsDeadlineThenCloses() {
        Announcements.Running run = new Announcer().start("t", () -> recorder, frames(5), Duration.ofMillis(100));
        await().atMost(Duration.ofSeconds(5)).until(run::finished);
        assertThat(run.framesSent()).isEqualTo(5);
        assertThat(closed).isTrue();
        for (int i = 1; i < 5; i++) {
            long offsetMillis = (sentAt.get(i) - sentAt.get(0)) / 1_000_000;
            // on schedule from the first frame; a late wake-up (on a busy machine) does not add up
            assertThat(offsetMillis).isBetween(i * 100L - 10, i * 100L + 80);
        }
    }

    @Test
    void cancelStopsBeforeTheNextFrame() {
        Announcements.Running run = new Announcer().start("t", () -> recorder, frames(10), Duration.ofMillis(200));
        await().atMost(Duration.ofSeconds(2)).until(() -> run.framesSent() >= 1);
        run.cancel();
        assertThat(run.finished()).isTrue();
        assertThat(run.framesSent()).isLessThan(10);
        assertThat(sentAt).hasSize(run.framesSent());
        assertThat(closed).isTrue();
    }

    @Test
    void aSendFailureEndsTheRunAndStillCloses() {
        FrameSender failing = new FrameSender() {
            @Override
            public void send(byte[] frame) throws IOException {
                throw new IOException("ENETDOWN");
            }

            @Override
            public void close() {
                closed = true;
            }
        };
        Announcements.Running run = new Announcer().start("t", () -> failing, frames(3), Duration.ofMillis(10));
        await().atMost(Duration.ofSeconds(2)).until(run::finished);
        assertThat(run.framesSent()).isZero();
        assertThat(closed).isTrue();
    }

    @Test
    void aSenderThatCannotBeOpenedEndsTheRunInTheBackground() {
        Announcements.Running run = new Announcer().start("t", () -> {
            throw new IOException("EPERM: no packet socket");
        }, frames(3), Duration.ofMillis(10));
        await().atMost(Duration.ofSeconds(2)).until(run::finished);
        assertThat(run.framesSent()).isZero();
        assertThat(sentAt).isEmpty();
    }

    private static List<byte[]> frames(int n) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            frames.add(new byte[] {(byte) i});
        }
        return frames;
    }
}
