package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsBackend.Info;
import lvsdirector.ipvs.IpvsBackend.Timeouts;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.Stats;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.netlink.FakeNetlinkSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static lvsdirector.ipvs.kernel.GoldenSamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kernel backend, talking to a fake socket that replays the captured kernel replies, decodes them into the
 * expected domain objects; the requests it sends on the way are checked byte for byte by the replay.
 */
class GoldenReplyDecodingTest {

    @Test
    void infoAndAddService() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("01-add-svc-tcp-wrr");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            assertThat(kernel.family().id()).isEqualTo(28);
            assertThat(kernel.family().supportsDump(IpvsGenl.Command.GET_DEST.code())).isTrue();
            Info info = kernel.info();
            assertThat(info).isEqualTo(new Info(0x010201, 4096));
            assertThat(info.versionText()).isEqualTo("1.2.1");
            kernel.addService(VirtualService.of(WEB, "wrr"));
        }
        assertThat(socket.scriptDone()).isTrue();
        assertThat(socket.closed()).isTrue();
    }

    @Test
    void listAllDecodesServicesAndDestinations() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("10-list-all");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            List<ServiceEntry> services = kernel.services();
            assertThat(services).extracting(ServiceEntry::service).containsExactlyInAnyOrder(
                    VirtualService.of(WEB, "lc"), persistent(HTTPS, "rr", 300, 0xffffff00),
                    VirtualService.of(DNS, "rr"), VirtualService.of(MARK1, "wlc"));
            assertThat(services).extracting(ServiceEntry::stats).containsOnly(Stats.ZERO);
            assertThat(kernel.destinations(WEB)).extracting(DestinationEntry::destination).containsExactlyInAnyOrder(
                    dest("192.168.1.10", 80, ForwardingMethod.ROUTE, 5, 1000, 100),
                    dest("192.168.1.11", 8080, ForwardingMethod.MASQ, 0, 0, 0),
                    dest("192.168.1.12", 80, ForwardingMethod.TUNNEL, 2, 500, 50),
                    new Destination(ip("192.168.1.13"), 80, ForwardingMethod.TUNNEL, 1, 0, 0,
                            new Destination.Tunnel(Destination.Tunnel.TYPE_GUE, 6080, 1)));
            assertThat(kernel.destinations(HTTPS)).isEmpty();
            assertThat(kernel.destinations(DNS)).isEmpty();
            assertThat(kernel.destinations(MARK1)).extracting(DestinationEntry::destination)
                    .containsExactly(dest("192.168.1.20", 0, ForwardingMethod.ROUTE, 1, 0, 0));
        }
        assertThat(socket.scriptDone()).isTrue();
    }

    @Test
    void singleServiceLookupDrainsTheAckAfterItsData() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("10c-list-one-svc");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            assertThat(kernel.service(WEB)).map(ServiceEntry::service).contains(VirtualService.of(WEB, "lc"));
            assertThat(kernel.destinations(WEB)).hasSize(4);
        }
        assertThat(socket.scriptDone()).isTrue();
    }

    @Test
    void ipv6ServicesAndDestinations() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("26-list-ipv6");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            assertThat(kernel.services()).extracting(ServiceEntry::service)
                    .containsExactlyInAnyOrder(VirtualService.of(WEB6, "rr"), persistent(DNS6, "sh", 60, 64));
            assertThat(kernel.destinations(WEB6)).extracting(DestinationEntry::destination)
                    .containsExactly(dest("2001:db8::10", 8080, ForwardingMethod.MASQ, 7, 0, 0));
            assertThat(kernel.destinations(DNS6)).isEmpty();
        }
    }

    @Test
    void persistenceEngineAndSchedulerFlags() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("32-list-pe-flags");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            assertThat(kernel.services()).extracting(ServiceEntry::service).containsExactlyInAnyOrder(
                    new VirtualService(udp("10.0.0.5", 5060), "rr", VirtualService.FLAG_PERSISTENT, 60, 0xffffffff, "sip"),
                    new VirtualService(udp("10.0.0.6", 53), "sh",
                            VirtualService.FLAG_SCHED1 | VirtualService.FLAG_SCHED2 | VirtualService.FLAG_ONEPACKET, 0, 0xffffffff, null));
        }
    }

    @Test
    void nonZeroStatisticsComeFromStats64() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("33-list-stats-nonzero");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            assertThat(kernel.services()).hasSize(1);
            DestinationEntry d = kernel.destinations(tcp("10.9.9.9", 8000)).get(0);
            assertThat(d.destination().key()).isEqualTo(new DestinationKey(ip("127.0.0.1"), 8000));
            assertThat(d.stats()).extracting(Stats::conns, Stats::inPackets, Stats::outPackets, Stats::inBytes, Stats::outBytes)
                    .containsExactly(5L, 25L, 25L, 1840L, 1365L);
        }
    }

    @Test
    void timeouts() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("19-get-timeouts", "20-set-timeouts", "20b-get-timeouts-after");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            assertThat(kernel.timeouts()).isEqualTo(new Timeouts(900, 120, 300));
            kernel.info();
            kernel.setTimeouts(new Timeouts(900, 120, 300));
            kernel.info();
            assertThat(kernel.timeouts()).isEqualTo(new Timeouts(900, 120, 300));
        }
        assertThat(socket.scriptDone()).isTrue();
    }

    @Test
    void syncDaemons() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("21-start-daemon", "22-get-daemon", "23-stop-daemon",
                "29-start-daemon-backup-full", "29b-get-daemon-backup", "29c-stop-daemon-backup");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            kernel.startDaemon(SyncDaemon.of(DaemonState.MASTER, "lo", 1));
            kernel.info();
            assertThat(kernel.daemons()).containsExactly(
                    new SyncDaemon(DaemonState.MASTER, "lo", 1, 1472, ip("224.0.0.81"), 8848, 1));
            kernel.info();
            kernel.stopDaemon(DaemonState.MASTER);
            kernel.info();
            kernel.startDaemon(new SyncDaemon(DaemonState.BACKUP, "lo", 2, 1000, ip("239.1.1.1"), 9000, 3));
            kernel.info();
            assertThat(kernel.daemons()).containsExactly(
                    new SyncDaemon(DaemonState.BACKUP, "lo", 2, 1024, ip("239.1.1.1"), 9000, 3));
            kernel.info();
            kernel.stopDaemon(DaemonState.BACKUP);
        }
        assertThat(socket.scriptDone()).isTrue();
    }

    @Test
    void acknowledgedCommands() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("11-del-dest", "12-del-svc", "13-zero-all", "13b-zero-svc", "17-flush");
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            kernel.deleteDestination(WEB, new DestinationKey(ip("192.168.1.12"), 80));
            kernel.info();
            kernel.deleteService(DNS);
            kernel.info();
            kernel.zero(Optional.empty());
            kernel.info();
            kernel.zero(Optional.of(WEB));
            kernel.info();
            kernel.flush();
        }
        assertThat(socket.scriptDone()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "14-err-dup-svc               | EEXIST | Service already exists",
            "15-err-del-missing-dest      | ENOENT | No such destination",
            "16-err-bad-sched             | ENOENT | Scheduler or persistence engine not found",
            "16b-err-del-missing-svc      | ESRCH  | No such service",
            "16c-err-add-dest-missing-svc | ESRCH  | Service not defined",
            "16d-err-dup-dest             | EEXIST | Destination already exists"})
    void kernelErrorsBecomeIpvsadmMessages(String file, IpvsException.Errno errno, String message) throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor(file);
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            kernel.info();
            assertThatThrownBy(() -> runCapturedCommand(kernel, file))
                    .isInstanceOfSatisfying(IpvsException.class, e -> assertThat(e.errno()).isEqualTo(errno))
                    .hasMessage(message);
        }
        assertThat(socket.scriptDone()).isTrue();
    }

    private static void runCapturedCommand(KernelIpvsBackend kernel, String file) throws IpvsException {
        switch (file) {
            case "14-err-dup-svc" -> kernel.addService(VirtualService.of(WEB, "wrr"));
            case "15-err-del-missing-dest" -> kernel.deleteDestination(WEB, new DestinationKey(ip("192.168.1.99"), 80));
            case "16-err-bad-sched" -> kernel.addService(VirtualService.of(MISSING, "nosuch"));
            case "16b-err-del-missing-svc" -> kernel.deleteService(MISSING);
            case "16c-err-add-dest-missing-svc" -> kernel.addDestination(MISSING, dest("192.168.1.10", 80, ForwardingMethod.ROUTE, 1, 0, 0));
            case "16d-err-dup-dest" -> kernel.addDestination(WEB, dest("192.168.1.10", 80, ForwardingMethod.ROUTE, 5, 0, 0));
            default -> throw new IllegalArgumentException(file);
        }
    }

    @ParameterizedTest
    @CsvSource({"34-err-nonroot-list", "34b-err-nonroot-add", "34c-err-no-cap-net-admin"})
    void missingCapabilityIsReportedAsSuch(String file) {
        FakeNetlinkSocket socket = GoldenReplay.socketFor(file);
        IpvsBackends.Selection selection = IpvsBackends.tryKernel(socket);
        assertThat(selection.available()).isFalse();
        assertThat(selection.unavailableReason()).isEqualTo("permission denied (CAP_NET_ADMIN needed)");
        assertThat(socket.closed()).isTrue();
    }

    @Test
    void missingModuleIsReportedAsSuch() {
        FakeNetlinkSocket socket = new FakeNetlinkSocket(77);
        GoldenCapture.Exchange e = GoldenCapture.load("35-err-ipvs-not-loaded").exchanges().get(0);
        socket.expect(e.request(), e.replies().toArray(new byte[0][]));
        IpvsBackends.Selection selection = IpvsBackends.tryKernel(socket);
        assertThat(selection.unavailableReason()).isEqualTo("IPVS family not found: module ip_vs not loaded");
        assertThat(socket.closed()).isTrue();
    }

    @Test
    void workingKernelIsSelected() {
        FakeNetlinkSocket socket = GoldenReplay.socketFor("18-get-info-empty-list");
        IpvsBackends.Selection selection = IpvsBackends.tryKernel(socket);
        assertThat(selection.available()).isTrue();
        assertThat(selection.backend().name()).isEqualTo("kernel");
    }
}
