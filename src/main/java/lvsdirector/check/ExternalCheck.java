package lvsdirector.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import lvsdirector.support.InetAddrs;

/**
 * checktype=external (and external-perl): runs {@code <command> <virtual> <vport> <rip> <rport>} without a
 * shell; exit 0 = up. The process is terminated when the timeout expires.
 *
 * @param virtual the virtual address as ldirectord passes it (IPv6 in brackets) or the fwmark number
 * @param virtualPort 0 for fwmark services
 * @param port the configured real port (0 when omitted)
 */
public record ExternalCheck(String command, String virtual, int virtualPort, InetAddress address, int port,
                            Duration timeout) implements CheckSpec {
    public ExternalCheck {
        Objects.requireNonNull(command, "command");
        if (command.isBlank()) {
            throw new IllegalArgumentException("external check command is empty");
        }
        Objects.requireNonNull(virtual, "virtual");
        Objects.requireNonNull(address, "address");
        Checks.requirePort(virtualPort);
        Checks.requirePort(port);
        Checks.requirePositive(timeout);
    }

    /** The argv of the check process. */
    public List<String> argv() {
        return List.of(command, virtual, Integer.toString(virtualPort), InetAddrs.bracketed(address),
                Integer.toString(port));
    }
}
