package lvsdirector.ipvs.kernel;

import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsBackend.OperationResult;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.netlink.Errno;
import lvsdirector.netlink.FakeNetlinkSocket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static lvsdirector.ipvs.kernel.GoldenSamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipelined batch: one outcome per operation, each failure with its own errno and ipvsadm text. */
class KernelIpvsBackendApplyTest {

    @Test
    void everyOperationGetsItsOwnOutcome() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor();
        List<IpvsOperation> batch = List.of(
                new IpvsOperation.AddService(VirtualService.of(WEB, "wrr")),
                new IpvsOperation.AddService(VirtualService.of(HTTPS, "a-scheduler-name-too-long")),
                new IpvsOperation.AddService(VirtualService.of(WEB, "wrr")),
                new IpvsOperation.AddDestination(MISSING, dest("192.168.1.10", 80, ForwardingMethod.ROUTE, 1, 0, 0)),
                new IpvsOperation.DeleteDestination(WEB, new DestinationKey(ip("192.168.1.99"), 80)),
                new IpvsOperation.EditService(VirtualService.of(MISSING, "rr")),
                new IpvsOperation.DeleteService(DNS));
        socket.expect(null, FakeNetlinkSocket.ack())
                .expect(null, FakeNetlinkSocket.error(Errno.EEXIST))
                .expect(null, FakeNetlinkSocket.error(Errno.ESRCH))
                .expect(null, FakeNetlinkSocket.error(Errno.ENOENT))
                .expect(null, FakeNetlinkSocket.error(Errno.ESRCH))
                .expect(null, FakeNetlinkSocket.ack());
        List<OperationResult> results;
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            results = kernel.apply(batch);
        }
        assertThat(results).extracting(OperationResult::operation).containsExactlyElementsOf(batch);
        assertThat(results).extracting(r -> r.succeeded() ? "ok" : r.error().errno() + " " + r.error().getMessage())
                .containsExactly("ok",
                        "EINVAL scheduler name too long (at most 15 bytes): a-scheduler-name-too-long",
                        "EEXIST Service already exists",
                        "ESRCH Service not defined",
                        "ENOENT No such destination",
                        "ESRCH No such service",
                        "ok");
        assertThat(socket.datagramsSent()).as("GETFAMILY + one datagram for the whole batch").isEqualTo(2);
        assertThat(socket.scriptDone()).isTrue();
    }

    @Test
    void rehearsingEncodesTheBatchButSendsNothing() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor();
        List<IpvsOperation> batch = List.of(
                new IpvsOperation.AddService(VirtualService.of(WEB, "wrr")),
                new IpvsOperation.AddService(VirtualService.of(HTTPS, "a-scheduler-name-too-long")),
                new IpvsOperation.AddDestination(WEB, dest("192.168.1.10", 80, ForwardingMethod.ROUTE, 1, 0, 0)),
                new IpvsOperation.DeleteService(DNS));
        int prepared;
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            prepared = kernel.rehearse(batch);
        }
        assertThat(prepared).as("the over-long scheduler name cannot be encoded").isEqualTo(3);
        assertThat(socket.datagramsSent()).as("GETFAMILY only").isEqualTo(1);
        assertThat(socket.scriptDone()).isTrue();
    }

    @Test
    void largeBatchKeepsTheWindowAndTheOrder() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor();
        List<IpvsOperation> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(new IpvsOperation.AddService(VirtualService.of(tcp("10.100." + (i / 250) + "." + (i % 250 + 1), 80), "wrr")));
            socket.expect(null, i == 640 ? FakeNetlinkSocket.error(Errno.EEXIST) : FakeNetlinkSocket.ack());
        }
        List<OperationResult> results;
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            results = kernel.apply(batch);
        }
        assertThat(results).filteredOn(r -> !r.succeeded()).singleElement()
                .satisfies(r -> assertThat(r.operation()).isSameAs(batch.get(640)));
        assertThat(socket.sentMessages()).hasSize(1001);
        assertThat(socket.datagramsSent()).isBetween(1000 / KernelIpvsBackend.WINDOW, 1000 / (KernelIpvsBackend.WINDOW / 2) + 2);
    }

    @Test
    void lostConnectionFailsTheWholeBatchVisibly() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor();
        List<IpvsOperation> batch = List.of(new IpvsOperation.AddService(VirtualService.of(WEB, "wrr")),
                new IpvsOperation.DeleteService(DNS));
        List<OperationResult> results;
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            results = kernel.apply(batch); // nothing scripted: the fake times out
        }
        assertThat(results).allSatisfy(r -> {
            assertThat(r.succeeded()).isFalse();
            assertThat(r.error().errno()).isEqualTo(IpvsException.Errno.ETIMEDOUT);
            assertThat(r.error().getMessage()).startsWith("netlink: ");
        });
    }

    @Test
    void singleOperationsThrowWithTheKernelErrno() throws Exception {
        FakeNetlinkSocket socket = GoldenReplay.socketFor();
        socket.expect(null, FakeNetlinkSocket.error(Errno.ESRCH)).expect(null, FakeNetlinkSocket.error(Errno.EPERM));
        try (KernelIpvsBackend kernel = GoldenReplay.backendFor(socket)) {
            assertThat(kernel.service(MISSING)).isEmpty();
            assertThatThrownBy(kernel::flush).isInstanceOfSatisfying(IpvsException.class,
                    e -> assertThat(e.errno()).isEqualTo(IpvsException.Errno.EPERM))
                    .hasMessage("Permission denied (you must be root)");
        }
    }
}
