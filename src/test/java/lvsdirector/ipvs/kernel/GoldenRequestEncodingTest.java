package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsBackend.Timeouts;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.netlink.FakeNetlinkSocket;
import lvsdirector.netlink.GenlController;
import lvsdirector.netlink.NetlinkMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static lvsdirector.ipvs.kernel.GoldenSamples.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encoding the operation of each captured ipvsadm request gives the same bytes (seq and port id masked, the
 * capture's family id). Listing captures: the GET_DEST requests equal ours for the services of the capture's dump.
 */
class GoldenRequestEncodingTest {

    static Stream<Arguments> mutatingAndSingleRequests() {
        return Stream.of(
                request("01-add-svc-tcp-wrr", e -> e.newService(VirtualService.of(WEB, "wrr"))),
                request("02-add-svc-udp", e -> e.newService(VirtualService.of(DNS, "rr"))),
                request("03-add-svc-fwmark", e -> e.newService(VirtualService.of(MARK1, "wlc"))),
                request("04-add-svc-persistent", e -> e.newService(persistent(HTTPS, "rr", 300, 0xffffff00))),
                request("05-edit-svc-scheduler", e -> e.setService(VirtualService.of(WEB, "lc"))),
                request("06-add-dest-gate", e -> e.newDestination(WEB, dest("192.168.1.10", 80, ForwardingMethod.ROUTE, 5, 1000, 100))),
                request("07-add-dest-masq", e -> e.newDestination(WEB, dest("192.168.1.11", 8080, ForwardingMethod.MASQ, 3, 200, 20))),
                request("08-add-dest-ipip", e -> e.newDestination(WEB, dest("192.168.1.12", 80, ForwardingMethod.TUNNEL, 2, 500, 50))),
                request("08b-add-dest-gue", e -> e.newDestination(WEB, new Destination(ip("192.168.1.13"), 80,
                        ForwardingMethod.TUNNEL, 1, 0, 0, new Destination.Tunnel(Destination.Tunnel.TYPE_GUE, 6080, 1)))),
                request("08c-add-dest-fwmark-svc", e -> e.newDestination(MARK1, dest("192.168.1.20", 0, ForwardingMethod.ROUTE, 1, 0, 0))),
                request("09-edit-dest-weight0", e -> e.setDestination(WEB, dest("192.168.1.11", 8080, ForwardingMethod.MASQ, 0, 0, 0))),
                request("10c-list-one-svc", e -> e.getService(WEB), e -> e.getDestinations(WEB)),
                request("11-del-dest", e -> e.deleteDestination(WEB, new DestinationKey(ip("192.168.1.12"), 80))),
                request("12-del-svc", e -> e.deleteService(DNS)),
                request("13-zero-all", e -> e.zero(Optional.empty())),
                request("13b-zero-svc", e -> e.zero(Optional.of(WEB))),
                request("14-err-dup-svc", e -> e.newService(VirtualService.of(WEB, "wrr"))),
                request("15-err-del-missing-dest", e -> e.deleteDestination(WEB, new DestinationKey(ip("192.168.1.99"), 80))),
                request("16-err-bad-sched", e -> e.newService(VirtualService.of(MISSING, "nosuch"))),
                request("16b-err-del-missing-svc", e -> e.deleteService(MISSING)),
                request("16c-err-add-dest-missing-svc", e -> e.newDestination(MISSING, dest("192.168.1.10", 80, ForwardingMethod.ROUTE, 1, 0, 0))),
                request("16d-err-dup-dest", e -> e.newDestination(WEB, dest("192.168.1.10", 80, ForwardingMethod.ROUTE, 5, 0, 0))),
                request("17-flush", IpvsEncoder::flush),
                request("18-get-info-empty-list", IpvsEncoder::getServices),
                request("19-get-timeouts", IpvsEncoder::getTimeouts),
                request("20-set-timeouts", e -> e.setTimeouts(new Timeouts(900, 120, 300))),
                request("20b-get-timeouts-after", IpvsEncoder::getTimeouts),
                request("21-start-daemon", e -> e.startDaemon(SyncDaemon.of(IpvsGenl.DaemonState.MASTER, "lo", 1))),
                request("22-get-daemon", IpvsEncoder::getDaemons),
                request("23-stop-daemon", e -> e.stopDaemon(IpvsGenl.DaemonState.MASTER)),
                request("24-add-svc-ipv6", e -> e.newService(VirtualService.of(WEB6, "rr"))),
                request("25-add-dest-ipv6", e -> e.newDestination(WEB6, dest("2001:db8::10", 8080, ForwardingMethod.MASQ, 7, 0, 0))),
                request("25b-add-svc-ipv6-persistent", e -> e.newService(persistent(DNS6, "sh", 60, 64))),
                request("28-restore-small",
                        e -> e.newService(VirtualService.of(tcp("10.1.0.1", 80), "wrr")),
                        e -> e.newDestination(tcp("10.1.0.1", 80), dest("10.2.0.1", 80, ForwardingMethod.MASQ, 1, 0, 0)),
                        e -> e.newDestination(tcp("10.1.0.1", 80), dest("10.2.0.2", 80, ForwardingMethod.MASQ, 2, 0, 0)),
                        e -> e.newService(VirtualService.of(udp("10.1.0.2", 53), "rr")),
                        e -> e.newDestination(udp("10.1.0.2", 53), dest("10.2.0.3", 53, ForwardingMethod.MASQ, 1, 0, 0)),
                        e -> e.newDestination(udp("10.1.0.2", 53), dest("10.2.0.4", 53, ForwardingMethod.MASQ, 1, 0, 0))),
                request("29-start-daemon-backup-full", e -> e.startDaemon(new SyncDaemon(IpvsGenl.DaemonState.BACKUP, "lo", 2,
                        1000, ip("239.1.1.1"), 9000, 3))),
                request("29b-get-daemon-backup", IpvsEncoder::getDaemons),
                request("29c-stop-daemon-backup", e -> e.stopDaemon(IpvsGenl.DaemonState.BACKUP)),
                request("30-add-svc-pe-sip", e -> e.newService(new VirtualService(udp("10.0.0.5", 5060), "rr",
                        VirtualService.FLAG_PERSISTENT, 60, 0xffffffff, "sip"))),
                request("31-add-svc-sched-flags-ops", e -> e.newService(new VirtualService(udp("10.0.0.6", 53), "sh",
                        VirtualService.FLAG_SCHED1 | VirtualService.FLAG_SCHED2 | VirtualService.FLAG_ONEPACKET, 0, 0xffffffff, null))),
                request("34-err-nonroot-list"));
    }

    @SafeVarargs
    private static Arguments request(String file, Function<IpvsEncoder, byte[]>... builders) {
        return Arguments.of(file, List.of(builders));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutatingAndSingleRequests")
    void encodesEveryCapturedRequestByteForByte(String file, List<Function<IpvsEncoder, byte[]>> builders) {
        GoldenCapture capture = GoldenCapture.load(file);
        IpvsEncoder encoder = new IpvsEncoder(capture.familyId());
        List<GoldenCapture.Exchange> commands = new ArrayList<>();
        for (GoldenCapture.Exchange e : capture.exchanges()) {
            if (e.title().equals("IPVS_CMD_GET_INFO")) {
                assertThat(hex(encoder.getInfo())).as(file + " GET_INFO").isEqualTo(hex(e.request()));
            } else {
                commands.add(e);
            }
        }
        assertThat(commands).as(file + " requests besides GET_INFO").hasSameSizeAs(builders);
        for (int i = 0; i < builders.size(); i++) {
            assertThat(hex(builders.get(i).apply(encoder))).as(file + " " + commands.get(i).title())
                    .isEqualTo(hex(commands.get(i).request()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"10-list-all", "10b-save", "26-list-ipv6", "27-dump-2-services", "27b-save-2-services",
            "32-list-pe-flags", "32b-save-pe-flags", "33-list-stats-nonzero", "33b-list-rate", "33c-list-thresholds", "36-save-mixed"})
    void listingRequestsMatchForEveryDumpedService(String file) throws Exception {
        GoldenCapture capture = GoldenCapture.load(file);
        IpvsEncoder encoder = new IpvsEncoder(capture.familyId());
        GoldenCapture.Exchange dump = capture.exchange("IPVS_CMD_GET_SERVICE");
        assertThat(hex(encoder.getServices())).isEqualTo(hex(dump.request()));

        List<NetlinkMessage> messages = new ArrayList<>();
        for (byte[] datagram : dump.replies()) {
            messages.addAll(NetlinkMessage.split(ByteBuffer.wrap(datagram)));
        }
        messages.removeIf(m -> m.type() != capture.familyId());
        List<String> ours = new ArrayList<>();
        for (ServiceEntry s : new IpvsDecoder(capture.familyId()).services(messages)) {
            ours.add(hex(encoder.getDestinations(s.service().key())));
        }
        List<String> captured = capture.exchanges("IPVS_CMD_GET_DEST").stream().map(e -> hex(e.request())).toList();
        assertThat(ours).isNotEmpty().containsExactlyInAnyOrderElementsOf(captured);
    }

    @Test
    void familyResolutionRequestIsTheCapturedOne() {
        GoldenCapture capture = GoldenCapture.load("00-family-resolution");
        assertThat(hex(GenlController.getFamilyRequest("IPVS"))).isEqualTo(hex(capture.exchange("GETFAMILY").request()));
    }

    @Test
    void fwmarkIpv6KeyCarriesTheIpv6FamilyAndPrefixNetmask() {
        IpvsEncoder encoder = new IpvsEncoder(28);
        ServiceKey key = new ServiceKey.Fwmark(2, true);
        String bytes = hex(encoder.deleteService(key));
        assertThat(bytes).contains("06000100" + "0a000000") // SVC_ATTR_AF = 10
                .endsWith("08000900" + "80000000");       // NETMASK = prefix length 128, host order
    }

    static String hex(byte[] message) {
        return HexFormat.of().formatHex(FakeNetlinkSocket.masked(message));
    }
}
