package lvsdirector.cli.lvsadm;

import static lvsdirector.ipvs.format.CapturedListingsTest.captured;
import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsException.Errno;
import lvsdirector.ipvs.format.CapturedTable;
import lvsdirector.ipvs.memory.InMemoryIpvsBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;

class LvsadmCommandTest {

    record Result(int status, String out, String err) {}

    static Result run(IpvsBackend backend, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LvsadmCommand.run(() -> backend, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "lvsadm {0}")
    @CsvSource(delimiter = '|', value = {
        "-L -n                        | L-n.txt",
        "-Ln                          | L-n.txt",
        "-l --numeric --sort          | L-n.txt",
        "-L -n --stats                | L-n-stats.txt",
        "-L -n --exact --stats        | L-n-exact-stats.txt",
        "-L -n --rate                 | L-n-rate.txt",
        "--list -n --rate --exact     | L-n-exact-rate.txt",
        "-L -n --thresholds           | L-n-thresholds.txt",
        "-L -n --persistent-conn      | L-n-persistent-conn.txt",
        "-L -n --tun-info             | L-n-tun-info.txt",
        "-L -n -t 10.0.1.100:80       | L-n-one-service.txt",
        "-L -n -f 1                   | L-n-one-fwm.txt",
        "-S -n                        | S-n.txt",
        "--save                       | S-n.txt",
        "-L --timeout                 | L-timeout.txt",
    })
    void listingsMatchIpvsadm(String args, String file) throws Exception {
        Result r = run(CapturedTable.buildInKernelOrder(), args.trim().split(" +"));
        assertThat(r).isEqualTo(new Result(0, captured(file), ""));
    }

    @Test
    void withoutArgumentsListsTheTable() throws Exception {
        assertThat(run(CapturedTable.build())).isEqualTo(new Result(0, captured("L-n.txt"), ""));
    }

    @Test
    void nosortShowsTheBackendsOrder() throws Exception {
        assertThat(run(CapturedTable.buildInKernelOrder(), "-L", "-n", "--nosort"))
                .isEqualTo(new Result(0, captured("L-n-nosort.txt"), ""));
    }

    @Test
    void emptyTable() throws Exception {
        assertThat(run(new InMemoryIpvsBackend(), "-Ln")).isEqualTo(new Result(0, captured("L-n-empty.txt"), ""));
        assertThat(run(new InMemoryIpvsBackend(), "-Sn")).isEqualTo(new Result(0, "", ""));
    }

    @Test
    void otherServiceSelectors() throws Exception {
        InMemoryIpvsBackend backend = CapturedTable.build();
        assertThat(run(backend, "-Ln", "-t", "[fd00:1::100]:80").out()).contains(
                "TCP  [fd00:1::100]:80 rr persistent 600 mask 64\n  -> [fd00:2::11]:80 ");
        assertThat(run(backend, "-Ln", "-u", "10.0.1.100:53").out()).contains("UDP  10.0.1.100:53 rr ops\n");
        assertThat(run(backend, "-Ln", "--sctp-service", "10.0.1.100:5000").out()).contains("SCTP 10.0.1.100:5000 rr\n");
        assertThat(run(backend, "-Ln", "-f", "2", "-6").out()).contains("FWM  2 IPv6 wlc\n");
        assertThat(run(backend, "-Ln", "-t", "10.0.1.105").out()).contains("TCP  10.0.1.105:0 rr persistent 360\n");
    }

    @Test
    void listingAMissingServiceIsNoSuchServiceWithStatus1() throws Exception {
        assertThat(run(CapturedTable.build(), "-L", "-n", "-t", "10.9.9.9:80"))
                .isEqualTo(new Result(1, "", "No such service\n"));
        assertThat(run(CapturedTable.build(), "-L", "-n", "-f", "2"))
                .as("fwmark 2 exists only as IPv6").isEqualTo(new Result(1, "", "No such service\n"));
    }

    @Test
    void zeroAllOrOneService() throws Exception {
        InMemoryIpvsBackend backend = CapturedTable.build();
        assertThat(run(backend, "-Z", "-t", "10.0.1.100:80")).isEqualTo(new Result(0, "", ""));
        String stats = run(backend, "-Ln", "--stats").out();
        assertThat(stats).contains("TCP  10.0.1.100:80                       0        0        0        0        0\n")
                .contains("TCP  10.0.1.103:443                      5       34       26     2198     2097\n");

        assertThat(run(backend, "--zero")).isEqualTo(new Result(0, "", ""));
        assertThat(run(backend, "-Ln", "--stats").out())
                .contains("TCP  10.0.1.103:443                      0        0        0        0        0\n");
        assertThat(run(backend, "-Ln").out()).as("connection counts stay").isEqualTo(captured("L-n.txt"));
    }

    @Test
    void zeroingAMissingServiceIsRefusedWithStatus255() throws Exception {
        assertThat(run(CapturedTable.build(), "-Z", "-u", "10.9.9.9:53"))
                .isEqualTo(new Result(255, "", "No such service\n"));
    }

    @ParameterizedTest(name = "lvsadm {0}")
    @CsvSource(delimiter = '|', value = {
        "-L -S                   | multiple commands specified",
        "-L -Z                   | multiple commands specified",
        "-L -t 10.0.0.1.5:80     | illegal virtual server address[:port] specified",
        "-L -t 300.0.0.1:80      | illegal virtual server address[:port] specified",
        "-L -t 10.0.0.1:70000    | illegal virtual server address[:port] specified",
        "-L -t www.example.com   | illegal virtual server address[:port] specified",
        "-L -t [fd00::zz]:80     | illegal virtual server address[:port] specified",
        "-L -t [:::::::::]:80    | illegal virtual server address[:port] specified",
        "-L -f 0                 | illegal virtual server fwmark specified",
        "-L -f x                 | illegal virtual server fwmark specified",
        "-L -t 10.0.0.1:80 -f 1  | more than one virtual service specified",
        "-S -t 10.0.0.1:80       | -S saves the whole table; a virtual service is not allowed with it",
        "-S --stats              | listing options are only allowed with -L",
        "-L -n -c                | the connection table (-c) is not available from this backend",
        "-S -c                   | listing options are only allowed with -L",
    })
    void contradictoryOrIllegalOptionsAreUsageErrors(String args, String message) throws Exception {
        assertThat(run(CapturedTable.build(), args.trim().split(" +"))).isEqualTo(new Result(2, "", message + "\n"));
    }

    static Result runWithConnections(ConnectionSource source, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LvsadmCommand.run(InMemoryIpvsBackend::new, source, new PrintWriter(out), new PrintWriter(err),
                args);
        return new Result(status, out.toString(), err.toString());
    }

    static ConnectionSource fixture(String name) {
        return () -> lvsdirector.ipvs.format.ProcConnections.parse(captured(name));
    }

    @Test
    void connectionTable() throws Exception {
        assertThat(runWithConnections(fixture("proc-ip_vs_conn-of-L-n-c.txt"), "-L", "-n", "-c"))
                .isEqualTo(new Result(0, captured("L-n-c.txt"), ""));
        assertThat(runWithConnections(fixture("proc-ip_vs_conn-of-L-n-c-persistent-conn.txt"), "-Lnc",
                "--persistent-conn")).isEqualTo(new Result(0, captured("L-n-c-persistent-conn.txt"), ""));
    }

    @Test
    void unreadableConnectionTableIsReportedWithStatus1() {
        ConnectionSource missing = () -> {
            throw new IOException("/proc/net/ip_vs_conn: No such file or directory");
        };
        assertThat(runWithConnections(missing, "-L", "-n", "-c")).isEqualTo(new Result(1, "",
                "cannot read the connection table: /proc/net/ip_vs_conn: No such file or directory\n"));
        ConnectionSource garbage = () -> lvsdirector.ipvs.format.ProcConnections.parse("title\nnonsense\n");
        assertThat(runWithConnections(garbage, "-L", "-n", "-c")).isEqualTo(new Result(1, "",
                "cannot read the connection table: line 2 of ip_vs_conn: expected 9 or 11 fields, found 1\n"));
    }

    @Test
    void unknownOptionPointsToTheHelp() throws Exception {
        Result r = run(new InMemoryIpvsBackend(), "-L", "--bogus");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--bogus")
                .endsWith("Try `lvsadm -h' or 'lvsadm --help' for more information.\n");
    }

    @Test
    void helpIsPrinted() throws Exception {
        Result r = run(new InMemoryIpvsBackend(), "-h");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: lvsadm").contains("--persistent-conn").contains("--nosort");
    }

    @Test
    void unreachableBackendIsReportedLikeIpvsadmsInitFailure() {
        IpvsBackend denied = (IpvsBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {IpvsBackend.class}, (proxy, method, args) -> {
                    throw new IpvsException(Errno.EPERM, "Permission denied (you must be root)");
                });
        assertThat(run(denied, "-L", "-n")).isEqualTo(new Result(2, "",
                "Can't initialize ipvs: Permission denied (you must be root)\n"
                        + "Are you sure that IP Virtual Server is built in the kernel or as module?\n"));
    }
}
