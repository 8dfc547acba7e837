package lvsdirector.director;

import static lvsdirector.director.Cf.fallback;
import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import lvsdirector.check.CheckOutcome;
import lvsdirector.check.CheckOutcome.Transition;
import lvsdirector.check.CheckResult;
import lvsdirector.check.Health;
import lvsdirector.config.CheckType;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

/** Periodic comparison, checktype off, shared jobs, snapshot, failures of the backend. */
class DirectorBehaviourTest {
    static final RealConfig A = real("10.9.0.2", 80, Forwarding.GATE, 3);
    static final ServiceKey VS = new ServiceKey.Address(Protocol.TCP, ip("10.0.0.1"), 80);

    final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    static Globals everySecond() {
        Globals d = Globals.DEFAULTS;
        return new Globals(d.checkTimeout(), d.negotiateTimeout(), 1, d.checkCount(), d.failureCount(), d.autoreload(),
                d.callback(), d.logfile(), d.execute(), d.fork(), d.supervised(), d.quiescent(), d.readdQuiescent(),
                d.cleanstop(), d.fallback(), d.fallback6(), d.fallbackCommand(), d.alerts(), d.emailAlertFrom(),
                d.maintenanceDir());
    }

    @Test
    void thePeriodicRoundRestoresWhatWasDeletedBehindOurBack() throws Exception {
        h.checker.firstRound = job -> Harness.up(0);
        h.start(Cf.config(everySecond(), Cf.tcp("10.0.0.1", 80).real(A).build()));
        h.backend.deleteDestination(VS, Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 3).key());
        h.mark();
        await().atMost(Duration.ofSeconds(5)).until(() -> h.backend.destinations(VS).size() == 1);
        assertThat(h.opsSince()).containsExactly("-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3");
    }

    @Test
    void checktypeOffKeepsTheStartHealthAndOnlyMaintenanceTakesItDown() throws Exception {
        h.backend.addService(VirtualService.of(VS, "wrr"));
        h.backend.addDestination(VS, Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 3));
        RealConfig b = real("10.9.0.3", 80, Forwarding.GATE, 1);
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).check(Cf.check(CheckType.OFF, ServiceType.HTTP)).real(A).real(b).build();
        h.start(Cf.config(Cf.globals(), v));
        h.mark();
        h.outcome(v, A, Harness.down(1, 1));
        h.outcome(v, b, Harness.up(0));
        assertThat(h.opsSince()).isEmpty();
        CheckResult maintenance = new CheckResult(false, "Server in maintenance", Duration.ZERO, true,
                CheckResult.FailureReason.MAINTENANCE);
        h.outcome(v, A, new CheckOutcome(maintenance, Health.DOWN, Transition.WENT_DOWN, 1, 1));
        assertThat(h.opsSince()).containsExactly("-d -t 10.0.0.1:80 -r 10.9.0.2:80");
    }

    @Test
    void oneJobSharedByTwoVirtualsMovesBoth() {
        VirtualConfig v1 = Cf.tcp("10.0.0.1", 80).real(A).build();
        VirtualConfig v2 = Cf.tcp("10.0.0.2", 80).real(A).build();
        h.start(Cf.config(Cf.globals(), v1, v2));
        assertThat(h.job(v1, A)).isEqualTo(h.job(v2, A));
        assertThat(h.checker.setJobsCalls.get(0)).hasSize(1);
        h.mark();
        h.up(v1, A);
        assertThat(h.opsSince()).containsExactly("-a -t 10.0.0.1:80 -r 10.9.0.2:80 -g -w 3",
                "-a -t 10.0.0.2:80 -r 10.9.0.2:80 -g -w 3");
    }

    @Test
    void snapshotShowsHealthWeightMessageAndFallback() {
        RealConfig b = real("10.9.0.3", 80, Forwarding.MASQ, 2);
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).real(A).real(b).quiescent(true)
                .fallback(fallback("127.0.0.1", 80, Forwarding.GATE)).build();
        h.start(Cf.config(Cf.globals(), v));
        assertThat(h.director.snapshot().virtuals().get(0).fallbackActive()).isTrue();
        h.up(v, A);
        DirectorSnapshot s = h.director.snapshot();
        assertThat(s.status()).isEqualTo(DaemonStatus.RUNNING);
        DirectorSnapshot.VirtualView view = s.virtuals().get(0);
        assertThat(view.id()).isEqualTo("tcp:10.0.0.1:80");
        assertThat(view.name()).isEqualTo("10.0.0.1:80");
        assertThat(view.fallbackActive()).isFalse();
        assertThat(view.reals()).extracting(DirectorSnapshot.RealView::server, DirectorSnapshot.RealView::health,
                DirectorSnapshot.RealView::weight, DirectorSnapshot.RealView::lastMessage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("10.9.0.2:80", Health.UP, 3, "200 OK"),
                        org.assertj.core.groups.Tuple.tuple("10.9.0.3:80", Health.DOWN, 0, null));
        assertThat(view.reals().get(0).since()).isNotNull();
    }

    @Test
    void gateFallbackOnAnotherPortIsDeletedAsMapped() {
        VirtualConfig v = Cf.tcp("10.0.1.5", 7001).real(A).fallback(fallback("127.0.0.1", 80, Forwarding.GATE)).build();
        h.mark();
        h.start(Cf.config(Cf.globals(), v));
        h.up(v, A);
        assertThat(h.logsSince()).containsExactly(
                "Added virtual server: 10.0.1.5:7001",
                "Added fallback server: 127.0.0.1:80 (10.0.1.5:7001) (Weight set to 1)",
                "Added real server: 10.9.0.2:80 (10.0.1.5:7001) (Weight set to 3)",
                "Deleted fallback server: 127.0.0.1:7001 mapped from 127.0.0.1:80 (10.0.1.5:7001)");
    }

    @Test
    void startFailsWhenTheTableCannotBeReadAndRoundsSurviveALaterFailure() throws Exception {
        FlakyBackend flaky = new FlakyBackend(h.backend);
        Director d = new Director(h.context, flaky, h.checker, CheckPlanner::plan, SideEffects.NONE, Clock.systemUTC());
        flaky.failing = true;
        assertThatThrownBy(() -> Harness.await(d.start(Cf.config(Cf.globals(), Cf.tcp("10.0.0.1", 80).real(A).build()))))
                .hasMessageContaining("Permission denied");

        Director ok = new Director(h.context, flaky, h.checker, CheckPlanner::plan, SideEffects.NONE, Clock.systemUTC());
        flaky.failing = false;
        VirtualConfig v = Cf.tcp("10.0.0.1", 80).real(A).build();
        h.config = Cf.config(Cf.globals(), v);
        Harness.await(ok.start(h.config));
        flaky.failing = true;
        h.log.close();
        LogCapture log = LogCapture.attach();
        Harness.await(ok.reconcileNow());
        assertThat(log.all()).containsExactly("Reading or changing the IPVS table failed: Permission denied (you must be root)");
        flaky.failing = false;
        ok.onOutcome(h.job(v, A), Harness.up(0));
        Harness.await(ok.reconcileNow());
        assertThat(h.backend.destinations(VS)).hasSize(1);
        log.close();
    }

    /** Delegates to the in-memory backend, but can refuse to list (as the kernel does without CAP_NET_ADMIN). */
    static final class FlakyBackend implements IpvsBackend {
        private final IpvsBackend delegate;
        volatile boolean failing;

        FlakyBackend(IpvsBackend delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public Info info() throws IpvsException {
            return delegate.info();
        }

        @Override
        public List<ServiceEntry> services() throws IpvsException {
            if (failing) {
                throw new IpvsException(IpvsException.Errno.EPERM, "Permission denied (you must be root)");
            }
            return delegate.services();
        }

        @Override
        public java.util.Optional<ServiceEntry> service(ServiceKey key) throws IpvsException {
            return delegate.service(key);
        }

        @Override
        public List<lvsdirector.ipvs.DestinationEntry> destinations(ServiceKey key) throws IpvsException {
            return delegate.destinations(key);
        }

        @Override
        public void addService(VirtualService service) throws IpvsException {
            delegate.addService(service);
        }

        @Override
        public void editService(VirtualService service) throws IpvsException {
            delegate.editService(service);
        }

        @Override
        public void deleteService(ServiceKey key) throws IpvsException {
            delegate.deleteService(key);
        }

        @Override
        public void addDestination(ServiceKey service, Destination destination) throws IpvsException {
            delegate.addDestination(service, destination);
        }

        @Override
        public void editDestination(ServiceKey service, Destination destination) throws IpvsException {
            delegate.editDestination(service, destination);
        }

        @Override
        public void deleteDestination(ServiceKey service, lvsdirector.ipvs.DestinationKey destination) throws IpvsException {
            delegate.deleteDestination(service, destination);
        }

        @Override
        public void flush() throws IpvsException {
            delegate.flush();
        }

        @Override
        public void zero(java.util.Optional<ServiceKey> service) throws IpvsException {
            delegate.zero(service);
        }

        @Override
        public Timeouts timeouts() throws IpvsException {
            return delegate.timeouts();
        }

        @Override
        public void setTimeouts(Timeouts timeouts) throws IpvsException {
            delegate.setTimeouts(timeouts);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
