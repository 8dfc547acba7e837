package lvsdirector.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer JVM killed with SIGKILL at a random moment of its write loop, several times over the same
 * file: afterwards the file always parses and its seq is at least the last one the writer acknowledged.
 */
@Timeout(120)
class StateFileCrashTest {
    @TempDir
    Path dir;

    @Test
    void killMinus9MidWriteLeavesAParseableFileWithTheLastAcknowledgedSeq() throws Exception {
        long previousSeq = 0;
        for (int round = 0; round < 3; round++) {
            Process child = new ProcessBuilder(javaCommand()).redirectErrorStream(true).start();
            AtomicLong lastAck = new AtomicLong();
            Thread reader = new Thread(() -> readAcks(child, lastAck));
            reader.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (lastAck.get() < previousSeq + 3 && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(5);
                }
                assertThat(lastAck.get()).as("the writer acknowledged writes").isGreaterThan(previousSeq);
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 40));
            } finally {
                child.destroyForcibly(); // SIGKILL
                child.waitFor(10, TimeUnit.SECONDS);
                reader.join(5000);
            }
            StateRead read = new StateFile(dir, "persistence.json", 1, "test", java.time.Clock.systemUTC()).read();
            assertThat(read).as("round %d: %s", round, read.problem()).isInstanceOf(StateRead.Present.class);
            StateDocument doc = ((StateRead.Present) read).document();
            assertThat(doc.seq()).isGreaterThanOrEqualTo(lastAck.get());
            assertThat(doc.payload().getJsonArray("templates")).hasSize(300);
            previousSeq = doc.seq();
        }
    }

    private static void readAcks(Process child, AtomicLong lastAck) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    lastAck.set(Long.parseLong(line.substring(4).trim()));
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // the child died mid-line: the last complete ack counts
        }
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StateFileWriterChild.class.getName());
        command.add(dir.toString());
        command.add("persistence.json");
        return command;
    }
}
