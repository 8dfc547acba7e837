package lvsdirector.check.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lvsdirector.check.CheckJob;
import lvsdirector.check.ConnectCheck;
import lvsdirector.check.HttpCheck;
import org.junit.jupiter.api.Test;

class PhaseSpreadTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** bench/checks.sh's shape: reals on many loopback addresses and ports, connect and HTTP checks. */
    private static List<CheckJob> manyJobs(int count) throws UnknownHostException {
        List<CheckJob> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            InetAddress address = InetAddress.getByAddress(new byte[] {127, 1, (byte) (i / 250), (byte) (1 + i % 250)});
            int port = 8000 + i % 10;
            jobs.add(new CheckJob(i % 2 == 0 ? new ConnectCheck(address, port, SECOND)
                    : new HttpCheck(address, port, "http://" + address.getHostAddress() + ":" + port + "/", null,
                            HttpCheck.Method.GET, "ok", SECOND, false), SECOND, 1, null));
        }
        return jobs;
    }

    @Test
    void theOffsetIsWithinTheIntervalAndTheSameForEqualJobs() throws UnknownHostException {
        for (CheckJob job : manyJobs(500)) {
            Duration offset = PhaseSpread.offset(job);
            assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(SECOND);
            CheckJob twin = new CheckJob(job.spec(), job.interval(), job.failureCount(), null);
            assertThat(PhaseSpread.offset(twin)).isEqualTo(offset);
        }
    }

    @Test
    void aLookedUpHostNameDoesNotMoveTheOffset() throws UnknownHostException {
        byte[] loopback = {127, 0, 0, 1};
        CheckJob bare = new CheckJob(new ConnectCheck(InetAddress.getByAddress(loopback), 80, SECOND), SECOND, 1, null);
        CheckJob named = new CheckJob(new ConnectCheck(InetAddress.getByAddress("localhost", loopback), 80, SECOND),
                SECOND, 1, null);
        assertThat(PhaseSpread.offset(named)).isEqualTo(PhaseSpread.offset(bare));
    }

    @Test
    void theOffsetScalesWithTheInterval() throws UnknownHostException {
        CheckJob job = manyJobs(1).get(0);
        CheckJob slower = new CheckJob(job.spec(), Duration.ofSeconds(10), 1, null);
        assertThat(PhaseSpread.offset(slower).toMillis() / 10).isCloseTo(PhaseSpread.offset(job).toMillis(),
                org.assertj.core.data.Offset.offset(1L));
    }

    @Test
    void tenThousandJobsOfOneIntervalSpreadEvenlyOverIt() throws UnknownHostException {
        int[] perMillisecond = new int[1000];
        int[] perTenth = new int[10];
        for (CheckJob job : manyJobs(10_000)) {
            int ms = (int) PhaseSpread.offset(job).toMillis();
            perMillisecond[ms]++;
            perTenth[ms / 100]++;
        }
        // uniform: 10 per millisecond on average; a burst would put thousands into one
        assertThat(java.util.Arrays.stream(perMillisecond).max().orElseThrow()).isLessThanOrEqualTo(30);
        assertThat(java.util.Arrays.stream(perTenth).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(850, 1150));
    }
}
