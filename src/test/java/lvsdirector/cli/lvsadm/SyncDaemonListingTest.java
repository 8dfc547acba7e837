package lvsdirector.cli.lvsadm;

import static lvsdirector.ipvs.format.CapturedListingsTest.captured;
import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.cli.lvsadm.LvsadmCommandTest.Result;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsException.Errno;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.ipvs.kernel.SyncDaemon;
import lvsdirector.ipvs.kernel.SyncDaemonControl;
import lvsdirector.ipvs.memory.InMemoryIpvsBackend;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.List;

class SyncDaemonListingTest {

    /** The two daemons of ipvsadm-formats/L-daemon.txt, as the kernel reports them back. */
    static List<SyncDaemon> capturedDaemons() throws Exception {
        return List.of(
                new SyncDaemon(DaemonState.MASTER, "eth1", 7, 1472, InetAddress.getByName("224.0.0.81"), 8848, 1),
                new SyncDaemon(DaemonState.BACKUP, "eth1", 7, 1400, InetAddress.getByName("239.1.2.3"), 8849, 2));
    }

    /** A kernel-like backend: the in-memory table plus a fixed list of sync daemons (or a failure listing them). */
    static IpvsBackend withDaemons(SyncDaemonControl daemons) {
        InMemoryIpvsBackend table = new InMemoryIpvsBackend();
        return (IpvsBackend) Proxy.newProxyInstance(SyncDaemonListingTest.class.getClassLoader(),
                new Class<?>[] {IpvsBackend.class, SyncDaemonControl.class}, (proxy, method, args) -> {
                    Object target = method.getDeclaringClass() == SyncDaemonControl.class ? daemons : table;
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static SyncDaemonControl listing(List<SyncDaemon> running) {
        return new SyncDaemonControl() {
            @Override
            public void startDaemon(SyncDaemon daemon) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void stopDaemon(DaemonState state) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<SyncDaemon> daemons() throws IpvsException {
                return running;
            }
        };
    }

    static Result run(IpvsBackend backend, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LvsadmCommand.run(() -> backend, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void masterAndBackupAreListedLikeIpvsadm() throws Exception {
        assertThat(run(withDaemons(listing(capturedDaemons())), "-L", "--daemon"))
                .isEqualTo(new Result(0, captured("L-daemon.txt"), ""));
        assertThat(run(withDaemons(listing(capturedDaemons())), "-L", "-n", "--daemon"))
                .isEqualTo(new Result(0, captured("L-daemon.txt"), ""));
    }

    @Test
    void noDaemonListsNothing() throws Exception {
        assertThat(run(withDaemons(listing(List.of())), "-L", "--daemon"))
                .isEqualTo(new Result(0, captured("L-daemon-none.txt"), ""));
    }

    @Test
    void settingsTheKernelDidNotReportAreLeftOut() throws Exception {
        SyncDaemon bare = SyncDaemon.of(DaemonState.BACKUP, "eth0", 0);
        SyncDaemon v6 = new SyncDaemon(DaemonState.MASTER, "eth2", 3, 0, InetAddress.getByName("ff02::1:2"), 0, 0);
        assertThat(SyncDaemonListing.render(List.of(v6, bare))).isEqualTo(
                "master sync daemon (mcast=eth2, syncid=3, group=ff02::1:2)\n"
                        + "backup sync daemon (mcast=eth0, syncid=0)\n");
    }

    @Test
    void aFailingDumpIsReportedWithStatus1() {
        SyncDaemonControl failing = new SyncDaemonControl() {
            @Override
            public void startDaemon(SyncDaemon daemon) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void stopDaemon(DaemonState state) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<SyncDaemon> daemons() throws IpvsException {
                throw new IpvsException(Errno.EPERM, "Permission denied (you must be root)");
            }
        };
        assertThat(run(withDaemons(failing), "-L", "--daemon"))
                .isEqualTo(new Result(1, "", "Permission denied (you must be root)\n"));
    }

    @Test
    void theInMemoryTableHasNoDaemonsToList() {
        assertThat(run(new InMemoryIpvsBackend(), "-L", "--daemon")).isEqualTo(
                new Result(2, "", "the sync daemon list (--daemon) is not available from this backend\n"));
        assertThat(run(new InMemoryIpvsBackend(), "-S", "--daemon"))
                .isEqualTo(new Result(2, "", "listing options are only allowed with -L\n"));
    }
}
