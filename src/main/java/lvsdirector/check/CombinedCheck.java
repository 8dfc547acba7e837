package lvsdirector.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * checktype=N: a negotiate check, then N connect checks after every successful negotiate; a failed connect
 * brings the negotiate forward. N=0 means always negotiate.
 */
public record CombinedCheck(CheckSpec negotiate, ConnectCheck connect, int connectsPerNegotiate)
        implements CheckSpec {
    public CombinedCheck {
        Objects.requireNonNull(negotiate, "negotiate");
        Objects.requireNonNull(connect, "connect");
        if (negotiate instanceof CombinedCheck) {
            throw new IllegalArgumentException("a combined check cannot nest another");
        }
        if (connectsPerNegotiate < 0) {
            throw new IllegalArgumentException("connectsPerNegotiate must be >= 0");
        }
    }

    @Override
    public InetAddress address() {
        return negotiate.address();
    }

    @Override
    public int port() {
        return negotiate.port();
    }

    @Override
    public Duration timeout() {
        Duration n = negotiate.timeout();
        return n.compareTo(connect.timeout()) >= 0 ? n : connect.timeout();
    }
}
