package lvsdirector.ipvs.kernel.uml;

import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsBackend.OperationResult;
import lvsdirector.ipvs.IpvsBackend.Timeouts;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceEntry;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;
import lvsdirector.ipvs.kernel.IpvsBackends;
import lvsdirector.ipvs.kernel.IpvsGenl.DaemonState;
import lvsdirector.ipvs.kernel.KernelIpvsBackend;
import lvsdirector.ipvs.kernel.SyncDaemon;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs inside a UML kernel with ip_vs loaded (see KernelIpvsBackendIT): exercises every kernel-backend operation
 * and compares the kernel's table, as ipvsadm reports it, with the table this program believes it programmed.
 * Prints "CHECK ..." / "FAIL ..." lines and "SCENARIO PASSED" at the end; exit status 1 on any failure.
 */
public final class KernelScenario {
    private final KernelIpvsBackend kernel;
    private final TableModel model = new TableModel();
    private int checks;
    private final List<String> failures = new ArrayList<>();

    private KernelScenario(KernelIpvsBackend kernel) {
        this.kernel = kernel;
    }

    public static void main(String[] args) throws Exception {
        IpvsBackends.Selection selection = IpvsBackends.tryKernel();
        if (!selection.available()) {
            System.out.println("FAIL kernel backend unavailable: " + selection.unavailableReason());
            System.exit(1);
        }
        KernelScenario scenario = new KernelScenario(selection.backend());
        try (KernelIpvsBackend k = selection.backend()) {
            scenario.run();
        }
        scenario.report();
    }

    private void run() throws Exception {
        expect("info version", "1.2.1", kernel.info().versionText());
        kernel.flush();
        expect("empty after flush", 0, kernel.services().size());
        buildTable();
        editAndDelete();
        errorsMatchIpvsadm();
        timeouts();
        daemons();
        zeroCounters();
        compareWithKernel("after single operations");
        pipelinedBatch();
        compareWithKernel("after the 1000-service batch");
        timedDeleteAndSequentialAdd();
        compareWithKernel("after the timed delete and re-add");
        otherNetworkNamespace();
        kernel.flush();
        model.clear();
        compareWithKernel("after flush");
    }

    private void buildTable() throws Exception {
        add(VirtualService.of(tcp("10.0.0.1", 80), "wrr"));
        add(VirtualService.of(udp("10.0.0.1", 53), "rr"));
        add(VirtualService.of(new ServiceKey.Fwmark(1, false), "wlc"));
        add(VirtualService.of(new ServiceKey.Fwmark(7, true), "rr"));
        add(new VirtualService(tcp("10.0.0.2", 443), "rr", VirtualService.FLAG_PERSISTENT, 300, 0xffffff00, null));
        add(VirtualService.of(tcp("2001:db8::1", 80), "rr"));
        add(new VirtualService(udp("2001:db8::2", 53), "sh", VirtualService.FLAG_PERSISTENT, 60, 64, null));
        add(new VirtualService(udp("10.0.0.6", 53), "sh",
                VirtualService.FLAG_SCHED1 | VirtualService.FLAG_SCHED2 | VirtualService.FLAG_ONEPACKET, 0, 0xffffffff, null));
        add(new VirtualService(udp("10.0.0.5", 5060), "rr", VirtualService.FLAG_PERSISTENT, 60, 0xffffffff, "sip"));
        add(new VirtualService(tcp("10.0.0.3", 8080), "mh", VirtualService.FLAG_SCHED2, 0, 0xffffffff, null));

        addDest(tcp("10.0.0.1", 80), new Destination(ip("192.168.1.10"), 80, ForwardingMethod.ROUTE, 5, 1000, 100, Destination.Tunnel.IPIP));
        addDest(tcp("10.0.0.1", 80), new Destination(ip("192.168.1.11"), 8080, ForwardingMethod.MASQ, 3, 200, 20, Destination.Tunnel.IPIP));
        addDest(tcp("10.0.0.1", 80), new Destination(ip("192.168.1.12"), 80, ForwardingMethod.TUNNEL, 2, 500, 50, Destination.Tunnel.IPIP));
        addDest(tcp("10.0.0.1", 80), new Destination(ip("192.168.1.13"), 80, ForwardingMethod.TUNNEL, 1, 0, 0,
                new Destination.Tunnel(Destination.Tunnel.TYPE_GUE, 6080, 1)));
        addDest(tcp("10.0.0.3", 8080), new Destination(ip("192.168.1.14"), 8080, ForwardingMethod.TUNNEL, 4, 0, 0,
                new Destination.Tunnel(Destination.Tunnel.TYPE_GRE, 0, 0)));
        addDest(new ServiceKey.Fwmark(1, false), new Destination(ip("192.168.1.20"), 0, ForwardingMethod.ROUTE, 1, 10, 5, Destination.Tunnel.IPIP));
        addDest(new ServiceKey.Fwmark(7, true), Destination.of(ip("2001:db8::20"), 0, ForwardingMethod.MASQ, 2));
        addDest(tcp("2001:db8::1", 80), Destination.of(ip("2001:db8::10"), 8080, ForwardingMethod.MASQ, 7));
        addDest(udp("10.0.0.1", 53), Destination.of(ip("192.168.1.30"), 53, ForwardingMethod.MASQ, 1));
        addDest(udp("10.0.0.1", 53), Destination.of(ip("192.168.1.31"), 53, ForwardingMethod.MASQ, 1));
        compareWithKernel("after adds");
    }

    private void editAndDelete() throws Exception {
        VirtualService lc = VirtualService.of(tcp("10.0.0.1", 80), "lc");
        kernel.editService(lc);
        model.putService(lc);
        VirtualService notPersistent = VirtualService.of(tcp("10.0.0.2", 443), "wlc");
        kernel.editService(notPersistent);
        model.putService(notPersistent);
        Destination quiesced = Destination.of(ip("192.168.1.11"), 8080, ForwardingMethod.MASQ, 0);
        kernel.editDestination(tcp("10.0.0.1", 80), quiesced);
        model.putDestination(tcp("10.0.0.1", 80), quiesced);
        kernel.deleteDestination(tcp("10.0.0.1", 80), new DestinationKey(ip("192.168.1.12"), 80));
        model.removeDestination(tcp("10.0.0.1", 80), new DestinationKey(ip("192.168.1.12"), 80));
        kernel.deleteService(udp("10.0.0.1", 53));
        model.removeService(udp("10.0.0.1", 53));
        expect("service() of a deleted service", Optional.empty(), kernel.service(udp("10.0.0.1", 53)));
        expect("service() of an existing one", Optional.of(lc),
                kernel.service(lc.key()).map(ServiceEntry::service));
        compareWithKernel("after edits and deletes");
    }

    private void errorsMatchIpvsadm() throws Exception {
        ServiceKey web = tcp("10.0.0.1", 80);
        ServiceKey missing = tcp("10.0.0.9", 80);
        sameError("duplicate service", () -> kernel.addService(VirtualService.of(web, "wrr")), "-A -t 10.0.0.1:80 -s wrr");
        sameError("unknown scheduler", () -> kernel.addService(VirtualService.of(missing, "nosuch")), "-A -t 10.0.0.9:80 -s nosuch");
        sameError("delete missing service", () -> kernel.deleteService(missing), "-D -t 10.0.0.9:80");
        sameError("edit missing service", () -> kernel.editService(VirtualService.of(missing, "rr")), "-E -t 10.0.0.9:80 -s rr");
        sameError("dest to missing service", () -> kernel.addDestination(missing,
                Destination.of(ip("192.168.1.10"), 80, ForwardingMethod.ROUTE, 1)), "-a -t 10.0.0.9:80 -r 192.168.1.10:80");
        sameError("duplicate dest", () -> kernel.addDestination(web,
                Destination.of(ip("192.168.1.10"), 80, ForwardingMethod.ROUTE, 5)), "-a -t 10.0.0.1:80 -r 192.168.1.10:80 -g -w 5");
        sameError("delete missing dest", () -> kernel.deleteDestination(web, new DestinationKey(ip("192.168.1.99"), 80)),
                "-d -t 10.0.0.1:80 -r 192.168.1.99:80");
        sameError("edit missing dest", () -> kernel.editDestination(web,
                Destination.of(ip("192.168.1.99"), 80, ForwardingMethod.ROUTE, 1)), "-e -t 10.0.0.1:80 -r 192.168.1.99:80");
        sameError("zero missing service", () -> kernel.zero(Optional.of(missing)), "-Z -t 10.0.0.9:80");
        sameError("stop daemon not running", () -> kernel.stopDaemon(DaemonState.BACKUP), "--stop-daemon backup");
        try {
            kernel.addService(VirtualService.of(missing, "a-scheduler-name-too-long"));
            fail("over-long scheduler name accepted");
        } catch (IpvsException e) {
            expect("over-long scheduler errno", IpvsException.Errno.EINVAL, e.errno());
        }
    }

    private void timeouts() throws Exception {
        Timeouts before = kernel.timeouts();
        kernel.setTimeouts(new Timeouts(600, 60, 200));
        expect("timeouts after set", new Timeouts(600, 60, 200), kernel.timeouts());
        expect("ipvsadm --timeout", "Timeout (tcp tcpfin udp): 600 60 200", Ipvsadm.run("-L --timeout").lastLine());
        kernel.setTimeouts(before);
        expect("timeouts restored", before, kernel.timeouts());
    }

    private void daemons() throws Exception {
        kernel.startDaemon(SyncDaemon.of(DaemonState.MASTER, "lo", 1));
        sameError("daemon twice", () -> kernel.startDaemon(SyncDaemon.of(DaemonState.MASTER, "lo", 1)),
                "--start-daemon master --mcast-interface lo --syncid 1");
        kernel.startDaemon(new SyncDaemon(DaemonState.BACKUP, "lo", 2, 1000, ip("239.1.1.1"), 9000, 3));
        Map<DaemonState, SyncDaemon> running = new HashMap<>();
        for (SyncDaemon d : kernel.daemons()) {
            running.put(d.state(), d);
        }
        expect("master daemon", new SyncDaemon(DaemonState.MASTER, "lo", 1, 1472, ip("224.0.0.81"), 8848, 1),
                running.get(DaemonState.MASTER));
        SyncDaemon backup = running.get(DaemonState.BACKUP);
        expect("backup daemon group/port/ttl", List.of(ip("239.1.1.1"), 9000, 3, 2),
                backup == null ? null : List.of(backup.group(), backup.port(), backup.ttl(), backup.syncId()));
        String listing = Ipvsadm.run("-L --daemon").output();
        check(listing.contains("master sync daemon (mcast=lo, syncid=1"), "ipvsadm sees the master daemon: " + listing);
        kernel.stopDaemon(DaemonState.MASTER);
        kernel.stopDaemon(DaemonState.BACKUP);
        expect("no daemons after stop", List.of(), kernel.daemons());
    }

    private void zeroCounters() throws Exception {
        kernel.zero(Optional.empty());
        kernel.zero(Optional.of(tcp("10.0.0.1", 80)));
        for (ServiceEntry e : kernel.services()) {
            expect("conns after zero of " + e.service().key(), 0L, e.stats().conns());
        }
    }

    private void pipelinedBatch() throws Exception {
        List<IpvsOperation> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ServiceKey key = tcp("10.100." + (i / 250) + "." + (i % 250 + 1), 80);
            batch.add(new IpvsOperation.AddService(VirtualService.of(key, "wrr")));
            batch.add(new IpvsOperation.AddDestination(key, Destination.of(ip("172.16." + (i / 250) + "." + (i % 250 + 1)),
                    80, ForwardingMethod.MASQ, 1)));
            if (i == 500) {
                batch.add(new IpvsOperation.AddService(VirtualService.of(key, "wrr")));
                batch.add(new IpvsOperation.AddDestination(tcp("10.99.0.1", 80), Destination.of(ip("172.16.9.9"), 80, ForwardingMethod.MASQ, 1)));
            }
        }
        long start = System.nanoTime();
        List<OperationResult> results = kernel.apply(batch);
        long micros = (System.nanoTime() - start) / 1000;
        System.out.println("MEASURE batch of " + batch.size() + " operations: " + micros / 1000 + " ms ("
                + micros / batch.size() + " us per operation)");
        int ok = 0;
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            OperationResult r = results.get(i);
            if (r.succeeded()) {
                ok++;
                applyToModel(batch.get(i));
            } else {
                errors.add(r.error().getMessage());
            }
        }
        expect("batch successes", 2000, ok);
        expect("batch failures, in order", List.of("Service already exists", "Service not defined"), errors);
        expect("services after batch", model.services().size(), kernel.services().size());
    }

    /** The same 1000 services deleted as one pipelined batch, then added back one request at a time. */
    private void timedDeleteAndSequentialAdd() throws Exception {
        List<IpvsOperation> deletes = new ArrayList<>();
        List<VirtualService> readd = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ServiceKey key = tcp("10.100." + (i / 250) + "." + (i % 250 + 1), 80);
            deletes.add(new IpvsOperation.DeleteService(key));
            readd.add(VirtualService.of(key, "rr"));
        }
        long start = System.nanoTime();
        List<OperationResult> results = kernel.apply(deletes);
        long pipelined = (System.nanoTime() - start) / 1000;
        expect("pipelined deletes all succeeded", 1000L, results.stream().filter(OperationResult::succeeded).count());
        start = System.nanoTime();
        for (VirtualService s : readd) {
            kernel.addService(s);
        }
        long sequential = (System.nanoTime() - start) / 1000;
        for (int i = 0; i < 1000; i++) {
            model.removeService(readd.get(i).key());
            model.putService(readd.get(i));
        }
        System.out.println("MEASURE pipelined delete of 1000 services: " + pipelined / 1000 + " ms ("
                + pipelined / 1000 + " us per operation); sequential add of 1000 services: " + sequential / 1000
                + " ms (" + sequential / 1000 + " us per operation)");
    }

    /** A backend opened in another network namespace programs that namespace's table only. */
    private void otherNetworkNamespace() throws Exception {
        Process add = new ProcessBuilder("ip", "netns", "add", "kscenario").inheritIO().start();
        check(add.waitFor() == 0, "ip netns add kscenario");
        IpvsBackends.Selection other = IpvsBackends.tryKernel(java.nio.file.Path.of("/run/netns/kscenario"));
        check(other.available(), "kernel backend in netns kscenario: " + other.unavailableReason());
        if (!other.available()) {
            return;
        }
        try (KernelIpvsBackend inNamespace = other.backend()) {
            expect("fresh namespace table", 0, inNamespace.services().size());
            inNamespace.addService(VirtualService.of(tcp("10.77.0.1", 80), "rr"));
            expect("namespace table", 1, inNamespace.services().size());
        }
        Process list = new ProcessBuilder("ip", "netns", "exec", "kscenario", "ipvsadm", "-S", "-n").redirectErrorStream(true).start();
        String listing = new String(list.getInputStream().readAllBytes()).strip();
        list.waitFor();
        expect("ipvsadm inside the namespace", "-A -t 10.77.0.1:80 -s rr", listing);
        check(kernel.service(tcp("10.77.0.1", 80)).isEmpty(), "the namespace's service is not in the initial namespace");
        new ProcessBuilder("ip", "netns", "delete", "kscenario").inheritIO().start().waitFor();
    }

    private void applyToModel(IpvsOperation op) {
        if (op instanceof IpvsOperation.AddService a) {
            model.putService(a.service());
        } else if (op instanceof IpvsOperation.AddDestination a) {
            model.putDestination(a.service(), a.destination());
        }
    }

    /** The kernel's table, read by our decoder and by ipvsadm, equals the model. */
    private void compareWithKernel(String when) throws Exception {
        Map<ServiceKey, VirtualService> decoded = new HashMap<>();
        for (ServiceEntry e : kernel.services()) {
            decoded.put(e.service().key(), e.service());
        }
        expect(when + ": decoded services", model.services(), decoded);
        for (ServiceKey key : model.services().keySet()) {
            Map<DestinationKey, Destination> dests = new HashMap<>();
            for (DestinationEntry d : kernel.destinations(key)) {
                dests.put(d.destination().key(), d.destination());
            }
            expect(when + ": decoded destinations of " + key, model.destinations(key), dests);
        }
        expect(when + ": ipvsadm -S -n", model.saveLines(), TableModel.parseSave(Ipvsadm.run("-S -n").output()));
        expect(when + ": ipvsadm -L -n --thresholds", model.thresholdLines(),
                TableModel.parseThresholdListing(Ipvsadm.run("-L -n --thresholds").output()));
    }

    private interface KernelCall {
        void run() throws IpvsException;
    }

    private void sameError(String what, KernelCall call, String ipvsadmArguments) throws Exception {
        String ours;
        try {
            call.run();
            fail(what + ": the kernel backend accepted it");
            return;
        } catch (IpvsException e) {
            ours = e.getMessage();
        }
        Ipvsadm.Result theirs = Ipvsadm.run(ipvsadmArguments);
        check(theirs.status() != 0, what + ": ipvsadm " + ipvsadmArguments + " succeeded");
        expect(what + ": error text", theirs.lastLine(), ours);
    }

    private void add(VirtualService s) throws IpvsException {
        kernel.addService(s);
        model.putService(s);
    }

    private void addDest(ServiceKey key, Destination d) throws IpvsException {
        kernel.addDestination(key, d);
        model.putDestination(key, d);
    }

    private void expect(String what, Object expected, Object actual) {
        check(java.util.Objects.equals(expected, actual), what + ": expected <" + expected + "> but was <" + actual + ">");
    }

    private void check(boolean ok, String description) {
        checks++;
        if (!ok) {
            fail(description);
        }
    }

    private void fail(String description) {
        failures.add(description);
        System.out.println("FAIL " + description);
    }

    private void report() {
        System.out.println(checks + " checks, " + failures.size() + " failed");
        if (!failures.isEmpty()) {
            System.exit(1);
        }
        System.out.println("SCENARIO PASSED");
    }

    private static ServiceKey tcp(String address, int port) {
        return new ServiceKey.Address(Protocol.TCP, ip(address), port);
    }

    private static ServiceKey udp(String address, int port) {
        return new ServiceKey.Address(Protocol.UDP, ip(address), port);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
