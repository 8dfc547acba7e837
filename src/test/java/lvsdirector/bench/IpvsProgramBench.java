package lvsdirector.bench;

import lvsdirector.check.Health;
import lvsdirector.config.ConfigParser;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.ParseMode;
import lvsdirector.config.ParseResult;
import lvsdirector.config.ParserOptions;
import lvsdirector.director.ActualTable;
import lvsdirector.director.DesiredTable;
import lvsdirector.director.PlannedOperation;
import lvsdirector.director.Reconciler;
import lvsdirector.director.RealKey;
import lvsdirector.director.VirtualLayout;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.IpvsBackend.OperationResult;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.format.IpvsSnapshot;
import lvsdirector.ipvs.format.ListingOptions;
import lvsdirector.ipvs.format.ListingRenderer;
import lvsdirector.ipvs.format.ListingView;
import lvsdirector.ipvs.kernel.IpvsBackends;
import lvsdirector.ipvs.kernel.KernelIpvsBackend;
import lvsdirector.netlink.JnaNetlinkSocket;
import lvsdirector.netlink.Netlink;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code generate DIR SERVICES REALS}: writes the benchmark table (see {@link BenchTable}).
 * {@code measure DIR ROUNDS}: inside a kernel with IPVS, per round: flush; program the config's table the way the
 * director does at start (parse done once before; desired table, reconciler against the table read back, one
 * pipelined batch on one socket); dump and render it like lvsadm -L -n; take one real down (quiescent: weight 0)
 * and reconcile again against the table as read. Prints one "ROUND" line per round with times (ms) and the
 * netlink requests each step sent; exit status 1 when a step did not do what it should.
 */
public final class IpvsProgramBench {
    private IpvsProgramBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("generate")) {
            BenchTable.write(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (args.length != 3 || !args[0].equals("measure")) {
            System.err.println("usage: IpvsProgramBench generate DIR SERVICES REALS | measure DIR ROUNDS");
            System.exit(2);
        }
        long parseStart = System.nanoTime();
        ParseResult parsed = new ConfigParser(ParserOptions.system())
                .parseText(Path.of(args[1], "director.cf"), "director.cf",
                        java.nio.file.Files.readString(Path.of(args[1], "director.cf")), ParseMode.FIRST_ERROR);
        if (!parsed.ok()) {
            throw new IllegalStateException("benchmark config rejected: " + parsed.errors());
        }
        DirectorConfig config = parsed.config();
        List<VirtualLayout> layouts = config.virtuals().stream().map(v -> VirtualLayout.of(v, config.globals())).toList();
        System.out.printf("PARSE virtuals=%d ms=%.1f%n", layouts.size(), millisSince(parseStart));
        CountingSocket socket = new CountingSocket(JnaNetlinkSocket.open(Netlink.NETLINK_GENERIC,
                IpvsBackends.KERNEL_BUFFER, IpvsBackends.DEFAULT_TIMEOUT));
        IpvsBackends.Selection selection = IpvsBackends.tryKernel(socket);
        if (!selection.available()) {
            throw new IllegalStateException("no kernel IPVS: " + selection.unavailableReason());
        }
        boolean ok = true;
        try (KernelIpvsBackend backend = selection.backend()) {
            for (int round = 1; round <= Integer.parseInt(args[2]); round++) {
                ok &= round(round, backend, socket, config, layouts);
            }
            backend.flush();
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean round(int round, KernelIpvsBackend backend, CountingSocket socket, DirectorConfig config,
                                 List<VirtualLayout> layouts) throws Exception {
        backend.flush();
        long start = System.nanoTime();
        long before = socket.requests();
        DesiredTable allUp = DesiredTable.compute(layouts, config.globals(), k -> Health.UP);
        List<OperationResult> programmed = apply(backend,
                new Reconciler(Reconciler.Mode.START, false, Map.of()).plan(allUp, ActualTable.read(backend), List.of()));
        double programMs = millisSince(start);
        long programRequests = socket.requests() - before;

        start = System.nanoTime();
        before = socket.requests();
        String listing = ListingRenderer.renderAll(IpvsSnapshot.read(backend),
                new ListingOptions(ListingView.DEFAULT, false, true));
        double dumpMs = millisSince(start);
        long dumpRequests = socket.requests() - before;

        ActualTable actual = ActualTable.read(backend);
        VirtualLayout victimService = layouts.get(layouts.size() / 2);
        RealKey victim = victimService.realKey(victimService.reals().keySet().iterator().next());
        start = System.nanoTime();
        before = socket.requests();
        DesiredTable oneDown = DesiredTable.compute(layouts, config.globals(),
                k -> k.equals(victim) ? Health.DOWN : Health.UP);
        List<PlannedOperation> plan = new Reconciler(Reconciler.Mode.START, false, Map.of()).plan(oneDown, actual,
                List.of());
        long applyStart = System.nanoTime();
        List<OperationResult> changed = apply(backend, plan);
        double applyMs = millisSince(applyStart);
        double changeMs = millisSince(start);
        long changeRequests = socket.requests() - before;

        long failed = programmed.stream().filter(r -> r.error() != null).count()
                + changed.stream().filter(r -> r.error() != null).count();
        int weight = backend.destinations(victim.service()).stream().map(DestinationEntry::destination)
                .filter(d -> d.key().equals(victim.destination())).findFirst().orElseThrow().weight();
        int services = backend.services().size();
        System.out.printf("ROUND %d program_ms=%.1f program_ops=%d program_requests=%d dump_ms=%.1f dump_requests=%d"
                        + " dump_lines=%d change_ms=%.1f change_apply_ms=%.2f change_ops=%d change_requests=%d failed=%d services=%d"
                        + " victim_weight=%d%n", round, programMs, programmed.size(), programRequests, dumpMs,
                dumpRequests, listing.lines().count(), changeMs, applyMs, changed.size(), changeRequests, failed, services,
                weight);
        return failed == 0 && changed.size() == 1 && changeRequests == 1 && weight == 0 && services == layouts.size();
    }

    private static List<OperationResult> apply(KernelIpvsBackend backend, List<PlannedOperation> plan) {
        List<IpvsOperation> ops = plan.stream().map(PlannedOperation::operation).toList();
        return backend.apply(ops);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
