package lvsdirector.ipvs.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsBackend.Timeouts;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsException.Errno;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.Stats;
import lvsdirector.ipvs.VirtualService;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

class InMemoryIpvsBackendTest {

    static final ServiceKey WEB = tcp("10.0.0.1", 80);
    static final ServiceKey MISSING = tcp("10.0.0.9", 80);

    final InMemoryIpvsBackend backend = new InMemoryIpvsBackend();

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ServiceKey tcp(String address, int port) {
        return new ServiceKey.Address(Protocol.TCP, ip(address), port);
    }

    static Destination masq(String address, int port, int weight) {
        return Destination.of(ip(address), port, ForwardingMethod.MASQ, weight);
    }

    static void assertErrno(ThrowingCallable call, Errno errno, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IpvsException.class, e -> {
            assertThat(e.errno()).isEqualTo(errno);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void addedServiceIsListedWithZeroCounters() throws Exception {
        VirtualService web = VirtualService.of(WEB, "wrr");
        backend.addService(web);

        assertThat(backend.services()).containsExactly(new ServiceEntry(web, Stats.ZERO));
        assertThat(backend.service(WEB)).contains(new ServiceEntry(web, Stats.ZERO));
        assertThat(backend.service(MISSING)).isEmpty();
    }

    @Test
    void addingAnExistingServiceIsEexist() throws Exception {
        backend.addService(VirtualService.of(WEB, "wrr"));
        assertErrno(() -> backend.addService(VirtualService.of(WEB, "rr")), Errno.EEXIST, "Service already exists");
        assertThat(backend.service(WEB).orElseThrow().service().scheduler()).isEqualTo("wrr");
    }

    @Test
    void editOrDeleteOfMissingServiceIsEsrch() {
        assertErrno(() -> backend.editService(VirtualService.of(MISSING, "rr")), Errno.ESRCH, "No such service");
        assertErrno(() -> backend.deleteService(MISSING), Errno.ESRCH, "No such service");
    }

    @Test
    void destinationOperationOnMissingServiceIsEsrchServiceNotDefined() {
        Destination d = masq("192.168.1.10", 80, 1);
        assertErrno(() -> backend.addDestination(MISSING, d), Errno.ESRCH, "Service not defined");
        assertErrno(() -> backend.editDestination(MISSING, d), Errno.ESRCH, "Service not defined");
        assertErrno(() -> backend.deleteDestination(MISSING, d.key()), Errno.ESRCH, "Service not defined");
    }

    @Test
    void addingAnExistingDestinationIsEexist() throws Exception {
        backend.addService(VirtualService.of(WEB, "wrr"));
        backend.addDestination(WEB, masq("192.168.1.10", 80, 1));
        assertErrno(() -> backend.addDestination(WEB, masq("192.168.1.10", 80, 5)), Errno.EEXIST,
                "Destination already exists");
        // same address, other port: another destination
        backend.addDestination(WEB, masq("192.168.1.10", 8080, 5));
        assertThat(backend.destinations(WEB)).hasSize(2);
    }

    @Test
    void editOrDeleteOfMissingDestinationIsEnoent() throws Exception {
        backend.addService(VirtualService.of(WEB, "wrr"));
        backend.addDestination(WEB, masq("192.168.1.10", 80, 1));
        assertErrno(() -> backend.editDestination(WEB, masq("192.168.1.99", 80, 1)), Errno.ENOENT,
                "No such destination");
        assertErrno(() -> backend.deleteDestination(WEB, new DestinationKey(ip("192.168.1.10"), 81)), Errno.ENOENT,
                "No such destination");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh"})
    void everySchedulerOfKernel61IsAccepted(String scheduler) throws Exception {
        backend.addService(VirtualService.of(WEB, scheduler));
        assertThat(backend.service(WEB).orElseThrow().service().scheduler()).isEqualTo(scheduler);
    }

    @Test
    void schedulerNoneMeansAServiceWithoutScheduler() throws Exception {
        backend.addService(VirtualService.of(WEB, "none"));
        assertThat(backend.service(WEB).orElseThrow().service().scheduler()).isEqualTo("none");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nosuch", "", "RR", "wrr "})
    void unknownSchedulerIsEnoentOnAddAndEdit(String scheduler) throws Exception {
        String text = "Scheduler or persistence engine not found";
        assertErrno(() -> backend.addService(VirtualService.of(WEB, scheduler)), Errno.ENOENT, text);
        assertThat(backend.services()).isEmpty();

        backend.addService(VirtualService.of(WEB, "rr"));
        assertErrno(() -> backend.editService(VirtualService.of(WEB, scheduler)), Errno.ENOENT, text);
        assertThat(backend.service(WEB).orElseThrow().service().scheduler()).isEqualTo("rr");
    }

    @Test
    void schedulerNameLongerThan15CharactersIsEinvalBeforeAnyLookup() throws Exception {
        backend.addService(VirtualService.of(WEB, "rr"));
        String sixteen = "abcdefghijklmnop";
        assertErrno(() -> backend.addService(VirtualService.of(WEB, sixteen)), Errno.EINVAL, "Invalid argument");
        assertErrno(() -> backend.editService(VirtualService.of(MISSING, sixteen)), Errno.EINVAL, "Invalid argument");
        // 15 characters pass the length check and fail as unknown
        assertErrno(() -> backend.addService(VirtualService.of(MISSING, sixteen.substring(1))), Errno.ENOENT,
                "Scheduler or persistence engine not found");
    }

    @Test
    void persistenceEngineSipIsAcceptedAndUnknownOneIsEnoent() throws Exception {
        ServiceKey sip = new ServiceKey.Address(Protocol.UDP, ip("10.0.0.5"), 5060);
        VirtualService withSip = new VirtualService(sip, "rr", VirtualService.FLAG_PERSISTENT, 60, -1, "sip");
        backend.addService(withSip);
        assertThat(backend.service(sip).orElseThrow().service()).isEqualTo(withSip);

        VirtualService withBogus = new VirtualService(WEB, "rr", 0, 0, -1, "http");
        assertErrno(() -> backend.addService(withBogus), Errno.ENOENT, "Scheduler or persistence engine not found");
        VirtualService withLongName = new VirtualService(WEB, "rr", 0, 0, -1, "a-very-long-pe-name");
        assertErrno(() -> backend.addService(withLongName), Errno.EINVAL, "Invalid argument");
    }

    @Test
    void emptyPersistenceEngineNameMeansNone() throws Exception {
        backend.addService(new VirtualService(WEB, "rr", 0, 0, -1, ""));
        assertThat(backend.service(WEB).orElseThrow().service().persistenceEngine()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 129, -1})
    void ipv6PrefixOutside1To128IsEinval(int prefix) {
        ServiceKey v6 = tcp("2001:db8::1", 80);
        VirtualService bad = new VirtualService(v6, "rr", VirtualService.FLAG_PERSISTENT, 300, prefix, null);
        assertErrno(() -> backend.addService(bad), Errno.EINVAL, "Invalid argument");
    }

    @Test
    void ipv6DestinationInIpv4ServiceIsEinvalUnlessTunnelled() throws Exception {
        backend.addService(VirtualService.of(WEB, "rr"));
        assertErrno(() -> backend.addDestination(WEB, masq("2001:db8::10", 80, 1)), Errno.EINVAL, "Invalid argument");
        assertErrno(() -> backend.addDestination(WEB,
                Destination.of(ip("2001:db8::10"), 80, ForwardingMethod.ROUTE, 1)), Errno.EINVAL, "Invalid argument");
        // the kernel forwards mixed-family traffic only by tunnelling
        backend.addDestination(WEB, Destination.of(ip("2001:db8::10"), 80, ForwardingMethod.TUNNEL, 1));
        assertThat(backend.destinations(WEB)).hasSize(1);
    }

    @Test
    void ipv4DestinationInIpv6FwmarkServiceIsEinval() throws Exception {
        ServiceKey fwm6 = new ServiceKey.Fwmark(2, true);
        backend.addService(VirtualService.of(fwm6, "wlc"));
        assertErrno(() -> backend.addDestination(fwm6, masq("10.0.2.11", 0, 1)), Errno.EINVAL, "Invalid argument");
        backend.addDestination(fwm6, masq("fd00:2::11", 0, 1));
        assertThat(backend.destinations(fwm6)).extracting(d -> d.destination().address()).containsExactly(ip("fd00:2::11"));
    }

    @Test
    void lowerThresholdAboveUpperIsErangeOnAddAndEdit() throws Exception {
        backend.addService(VirtualService.of(WEB, "rr"));
        Destination inverted = new Destination(ip("192.168.1.10"), 80, ForwardingMethod.MASQ, 1, 10, 20,
                Destination.Tunnel.IPIP);
        assertErrno(() -> backend.addDestination(WEB, inverted), Errno.ERANGE, "Numerical result out of range");
        Destination onlyLower = new Destination(ip("192.168.1.10"), 80, ForwardingMethod.MASQ, 1, 0, 5,
                Destination.Tunnel.IPIP);
        assertErrno(() -> backend.addDestination(WEB, onlyLower), Errno.ERANGE, "Numerical result out of range");

        backend.addDestination(WEB, masq("192.168.1.10", 80, 1));
        assertErrno(() -> backend.editDestination(WEB, inverted), Errno.ERANGE, "Numerical result out of range");
        // thresholds are unsigned 32-bit: 0xffffffff is the largest upper threshold
        backend.editDestination(WEB, new Destination(ip("192.168.1.10"), 80, ForwardingMethod.MASQ, 1, -1, 7,
                Destination.Tunnel.IPIP));
    }

    @Test
    void gueTunnelWithoutPortIsEinval() throws Exception {
        backend.addService(VirtualService.of(WEB, "rr"));
        Destination gue = new Destination(ip("192.168.1.13"), 80, ForwardingMethod.TUNNEL, 1, 0, 0,
                new Destination.Tunnel(Destination.Tunnel.TYPE_GUE, 0, 0));
        assertErrno(() -> backend.addDestination(WEB, gue), Errno.EINVAL, "Invalid argument");
    }

    @Test
    void negativeWeightCannotEvenBeExpressed() {
        // the kernel answers ERANGE; the domain type refuses it before any backend sees it
        assertThatThrownBy(() -> masq("192.168.1.10", 80, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serviceEditReplacesEveryFieldAndKeepsDestinationsAndCounters() throws Exception {
        VirtualService persistent = new VirtualService(WEB, "rr",
                VirtualService.FLAG_PERSISTENT | VirtualService.FLAG_ONEPACKET, 120, 0xffffff00, "sip");
        backend.addService(persistent);
        backend.addDestination(WEB, masq("192.168.1.10", 80, 1));
        Stats traffic = new Stats(5, 25, 25, 1840, 1365, 1, 2, 3, 4, 5);
        backend.setServiceStats(WEB, traffic);

        VirtualService plain = VirtualService.of(WEB, "lc");
        backend.editService(plain);

        assertThat(backend.service(WEB)).contains(new ServiceEntry(plain, traffic));
        assertThat(backend.destinations(WEB)).hasSize(1);
    }

    @Test
    void destinationEditReplacesEveryFieldAndKeepsCounters() throws Exception {
        backend.addService(VirtualService.of(WEB, "wrr"));
        Destination full = new Destination(ip("192.168.1.10"), 80, ForwardingMethod.TUNNEL, 5, 100, 10,
                new Destination.Tunnel(Destination.Tunnel.TYPE_GUE, 6080, 1));
        backend.addDestination(WEB, full);
        Stats traffic = new Stats(5, 25, 25, 1840, 1365, 0, 0, 0, 0, 0);
        backend.setDestinationCounters(WEB, full.key(), 2, 3, 1, traffic);

        Destination plain = masq("192.168.1.10", 80, 0);
        backend.editDestination(WEB, plain);

        assertThat(backend.destinations(WEB)).containsExactly(new DestinationEntry(plain, 2, 3, 1, traffic));
    }

    @Test
    void destinationPortIsStoredAsGiven() throws Exception {
        backend.addService(VirtualService.of(WEB, "rr"));
        backend.addDestination(WEB, Destination.of(ip("192.168.1.10"), 0, ForwardingMethod.ROUTE, 1));
        assertThat(backend.destinations(WEB).get(0).destination().port()).isZero();
    }

    @Test
    void deletesRemoveServiceWithItsDestinations() throws Exception {
        backend.addService(VirtualService.of(WEB, "rr"));
        backend.addDestination(WEB, masq("192.168.1.10", 80, 1));
        backend.deleteDestination(WEB, new DestinationKey(ip("192.168.1.10"), 80));
        assertThat(backend.destinations(WEB)).isEmpty();

        backend.addDestination(WEB, masq("192.168.1.10", 80, 1));
        backend.deleteService(WEB);
        assertThat(backend.services()).isEmpty();
        assertThat(backend.destinations(WEB)).as("GET_DEST of a missing service is an empty dump").isEmpty();
        backend.addService(VirtualService.of(WEB, "rr"));
        assertThat(backend.destinations(WEB)).isEmpty();
    }

    @Test
    void listingOrderIsKernelLike() throws Exception {
        ServiceKey fwm = new ServiceKey.Fwmark(1, false);
        ServiceKey dns = new ServiceKey.Address(Protocol.UDP, ip("10.0.0.1"), 53);
        backend.addService(VirtualService.of(fwm, "rr"));
        backend.addService(VirtualService.of(WEB, "rr"));
        backend.addService(VirtualService.of(dns, "rr"));
        backend.addDestination(WEB, masq("192.168.1.11", 80, 1));
        backend.addDestination(WEB, masq("192.168.1.10", 80, 1));
        backend.addDestination(WEB, masq("192.168.1.12", 80, 1));
        backend.editDestination(WEB, masq("192.168.1.11", 80, 7));

        assertThat(backend.services()).extracting(s -> s.service().key()).containsExactly(WEB, dns, fwm);
        assertThat(backend.destinations(WEB)).extracting(d -> d.destination().address())
                .containsExactly(ip("192.168.1.12"), ip("192.168.1.10"), ip("192.168.1.11"));
    }

    @Test
    void zeroClearsTrafficCountersButNotConnectionCounts() throws Exception {
        ServiceKey other = tcp("10.0.0.2", 80);
        Stats traffic = new Stats(5, 25, 25, 1840, 1365, 1, 2, 3, 4, 5);
        for (ServiceKey key : List.of(WEB, other)) {
            backend.addService(VirtualService.of(key, "rr"));
            backend.addDestination(key, masq("192.168.1.10", 80, 1));
            backend.setServiceStats(key, traffic);
            backend.setDestinationCounters(key, new DestinationKey(ip("192.168.1.10"), 80), 4, 6, 1, traffic);
        }

        backend.zero(Optional.of(WEB));
        assertThat(backend.service(WEB).orElseThrow().stats()).isEqualTo(Stats.ZERO);
        assertThat(backend.destinations(WEB).get(0)).isEqualTo(
                new DestinationEntry(masq("192.168.1.10", 80, 1), 4, 6, 1, Stats.ZERO));
        assertThat(backend.service(other).orElseThrow().stats()).isEqualTo(traffic);

        backend.zero(Optional.empty());
        assertThat(backend.service(other).orElseThrow().stats()).isEqualTo(Stats.ZERO);
        assertThat(backend.destinations(other).get(0).stats()).isEqualTo(Stats.ZERO);

        assertErrno(() -> backend.zero(Optional.of(MISSING)), Errno.ESRCH, "No such service");
    }

    @Test
    void flushRemovesEveryService() throws Exception {
        backend.addService(VirtualService.of(WEB, "rr"));
        backend.addService(VirtualService.of(new ServiceKey.Fwmark(1, false), "rr"));
        backend.addDestination(WEB, masq("192.168.1.10", 80, 1));
        backend.flush();
        assertThat(backend.services()).isEmpty();
        assertThat(backend.destinations(WEB)).isEmpty();
        backend.addService(VirtualService.of(WEB, "rr"));
    }

    @Test
    void timeoutsDefaultLikeAFreshKernelAndZeroKeepsAValue() throws Exception {
        assertThat(backend.timeouts()).isEqualTo(new Timeouts(900, 120, 300));
        backend.setTimeouts(new Timeouts(600, 0, 200));
        assertThat(backend.timeouts()).isEqualTo(new Timeouts(600, 120, 200));
        assertErrno(() -> backend.setTimeouts(new Timeouts(-1, 0, 0)), Errno.EINVAL, "Invalid argument");
        assertThat(backend.timeouts()).isEqualTo(new Timeouts(600, 120, 200));
    }

    @Test
    void infoIsTheMeasuredKernels() {
        assertThat(backend.info().versionText()).isEqualTo("1.2.1");
        assertThat(backend.info().connectionTableSize()).isEqualTo(4096);
        assertThat(backend.name()).isEqualTo("in-memory");
    }

    @Test
    void counterHooksRejectUnknownTargets() throws Exception {
        assertThatThrownBy(() -> backend.setServiceStats(MISSING, Stats.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.9:80");
        backend.addService(VirtualService.of(WEB, "rr"));
        assertThatThrownBy(() -> backend.setDestinationCounters(WEB, new DestinationKey(ip("1.2.3.4"), 80), 0, 0, 0,
                Stats.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.2.3.4:80");
    }
}
