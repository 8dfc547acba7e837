package lvsdirector.heartbeat.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.AuthMethod;
import lvsdirector.heartbeat.wire.PacketDecoder;
import lvsdirector.testing.LoggedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PacketGateTest {
    private static final AuthKey KEY = new AuthKey(1, AuthMethod.MD5, "Md5-Interop-Key");
    private final PacketGate gate = new PacketGate(new PacketDecoder(AuthKeys.single(KEY)), "nodeb", List.of("nodea", "nodeb"), true);
    @RegisterExtension
    final LoggedEvents logged = LoggedEvents.of(PacketGate.class);

    private String onlyLogLine() {
        assertThat(logged.list).hasSize(1);
        return logged.list.get(0).getFormattedMessage();
    }

    @Test
    void admitsAnAuthenticPacketFromAPeer() {
        assertThat(gate.admit(BadPackets.signed(BadPackets.status("nodea", 5, 1), KEY), "10.0.0.1:1")).isPresent();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void dropsOurOwnPacketsSilently() {
        assertThat(gate.admit(BadPackets.signed(BadPackets.status("nodeb", 5, 1), KEY), "10.0.0.2:1")).isEmpty();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void forgedSignatureIsLoggedAsMismatch() {
        assertThat(gate.admit(BadPackets.forged(BadPackets.status("nodea", 5, 1), KEY), "10.0.0.9:77")).isEmpty();
        assertThat(onlyLogLine()).startsWith("ERROR: dropped packet from 10.0.0.9:77: signature mismatch: outer md5 token");
    }

    @Test
    void truncatedPacketIsLoggedAsTruncated() {
        assertThat(gate.admit(BadPackets.truncated(BadPackets.status("nodea", 5, 1), KEY), "10.0.0.9:77")).isEmpty();
        assertThat(onlyLogLine()).startsWith("ERROR: dropped packet from 10.0.0.9:77: truncated");
    }

    @Test
    void packetWithoutTrailerIsLoggedAsUnsigned() {
        assertThat(gate.admit(BadPackets.unauthenticated(BadPackets.status("nodea", 5, 1), KEY), "10.0.0.9:77")).isEmpty();
        assertThat(onlyLogLine()).startsWith("ERROR: dropped packet from 10.0.0.9:77: unsigned");
    }

    @Test
    void authenticPacketFromANodeNotInHaCfIsLogged() {
        assertThat(gate.admit(BadPackets.signed(BadPackets.status("nodex", 5, 1), KEY), "10.0.0.9:77")).isEmpty();
        assertThat(onlyLogLine()).isEqualTo("ERROR: dropped packet from 10.0.0.9:77: bad node [nodex] in message: not a node of ha.cf");
    }

    @Test
    void nothingIsLoggedWhenLogBadpackIsOff() {
        PacketGate quiet = new PacketGate(new PacketDecoder(AuthKeys.single(KEY)), "nodeb", List.of("nodea", "nodeb"), false);
        assertThat(quiet.admit(new byte[] {'x'}, "10.0.0.9:77")).isEmpty();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void dropsAreCountedByReasonAndOwnOrAdmittedPacketsAreNot() {
        gate.admit(BadPackets.signed(BadPackets.status("nodea", 5, 1), KEY), "10.0.0.1:1");
        gate.admit(BadPackets.signed(BadPackets.status("nodeb", 5, 1), KEY), "10.0.0.2:1");
        gate.admit(BadPackets.forged(BadPackets.status("nodea", 5, 1), KEY), "10.0.0.9:77");
        gate.admit(BadPackets.forged(BadPackets.status("nodea", 6, 1), KEY), "10.0.0.9:77");
        gate.admit(BadPackets.truncated(BadPackets.status("nodea", 5, 1), KEY), "10.0.0.9:77");
        gate.admit(BadPackets.signed(BadPackets.status("nodez", 5, 1), KEY), "10.0.0.9:77");
        assertThat(gate.drops()).containsOnlyKeys("signature_mismatch", "truncated", "unknown_node")
                .containsEntry("signature_mismatch", 2L).containsEntry("truncated", 1L).containsEntry("unknown_node", 1L);
    }
}
