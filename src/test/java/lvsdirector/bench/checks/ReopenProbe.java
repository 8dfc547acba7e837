package lvsdirector.bench.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Checks the bench's own servers from a plain blocking client: right after the sample's listeners were
 * reopened, every sample real is asked for "GET /" until it answers "ok", so a listener that reports
 * "listening" but does not serve shows up as a late first answer instead of as director latency.
 */
final class ReopenProbe {
    private static final int ATTEMPT_TIMEOUT_MILLIS = 300;

    /** Outcome for one round: ms from the reopen to each real's first answer, and the failed attempts. */
    record Report(List<Long> firstAnswerMillis, int unanswered, int failedAttempts) {
        String summary() {
            return "outside client: " + firstAnswerMillis.size() + " answered (first answer ms p50/p99/max "
                    + ChecksBench.Percentiles.of(firstAnswerMillis) + "), " + unanswered + " never, "
                    + failedAttempts + " failed attempts";
        }
    }

    private ReopenProbe() {}

    static Report afterReopen(List<Integer> sample, long since, long capMillis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int real : sample) {
                results.add(pool.submit(() -> untilAnswered(real, since, capMillis)));
            }
            List<Long> first = new ArrayList<>();
            int never = 0;
            int failed = 0;
            for (Future<long[]> result : results) {
                long[] r = result.get();
                if (r[0] < 0) {
                    never++;
                } else {
                    first.add(r[0]);
                }
                failed += (int) r[1];
            }
            return new Report(first, never, failed);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** {ms to the first answer or -1, failed attempts}. */
    private static long[] untilAnswered(int real, long since, long capMillis) throws InterruptedException {
        long failed = 0;
        while (System.currentTimeMillis() - since < capMillis) {
            if (answers(real)) {
                return new long[] {System.currentTimeMillis() - since, failed};
            }
            failed++;
            Thread.sleep(20);
        }
        return new long[] {-1, failed};
    }

    private static boolean answers(int real) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Layout.rip(real), Layout.SAMPLE_PORT), ATTEMPT_TIMEOUT_MILLIS);
            socket.setSoTimeout(ATTEMPT_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).endsWith("ok");
        } catch (IOException e) {
            return false;
        }
    }
}
