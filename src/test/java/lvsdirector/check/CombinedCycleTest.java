package lvsdirector.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedCycleTest {
    private static final InetAddress RIP = InetAddress.getLoopbackAddress();
    private static final ConnectCheck CONNECT = new ConnectCheck(RIP, 80, Duration.ofSeconds(1));
    private static final HttpCheck NEGOTIATE = new HttpCheck(RIP, 80, "http://127.0.0.1:80/", null,
            HttpCheck.Method.GET, "", Duration.ofSeconds(2), false);

    /** Runs the cycle over the given results and names the spec each probe used ("n" or "c"). */
    private static String run(int n, boolean... results) {
        CombinedCheck check = new CombinedCheck(NEGOTIATE, CONNECT, n);
        CombinedCycle cycle = CombinedCycle.START;
        List<String> used = new ArrayList<>();
        for (boolean success : results) {
            used.add(cycle.next(check) == NEGOTIATE ? "n" : "c");
            cycle = cycle.after(check, success);
        }
        return String.join("", used);
    }

    @Test
    void negotiateThenNConnects() {
        assertThat(run(2, true, true, true, true, true, true, true)).isEqualTo("nccnccn");
    }

    @Test
    void zeroMeansAlwaysNegotiate() {
        assertThat(run(0, true, true, false, true)).isEqualTo("nnnn");
    }

    @Test
    void failedConnectForcesNegotiateNext() {
        assertThat(run(3, true, true, false, true, true)).isEqualTo("nccnc");
    }

    @Test
    void failedNegotiateIsRetriedAsNegotiate() {
        assertThat(run(3, false, false, true, true)).isEqualTo("nnnc");
    }
}
