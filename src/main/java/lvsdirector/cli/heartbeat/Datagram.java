package lvsdirector.cli.heartbeat;

import java.util.Optional;

/**
 * One candidate heartbeat packet read from an input.
 *
 * @param origin where it came from, e.g. {@code capture.pcap frame 12} or {@code packets.hex line 3}
 * @param flow {@code src:port > dst:port} when read from a capture
 * @param payload the UDP payload (empty when {@code problem} is set)
 * @param problem why the input could not yield a payload (e.g. not hex, IP fragment)
 */
record Datagram(String origin, Optional<String> flow, byte[] payload, Optional<String> problem) {

    static Datagram of(String origin, Optional<String> flow, byte[] payload) {
        return new Datagram(origin, flow, payload, Optional.empty());
    }

    static Datagram unreadable(String origin, String problem) {
        return new Datagram(origin, Optional.empty(), new byte[0], Optional.of(problem));
    }
}
