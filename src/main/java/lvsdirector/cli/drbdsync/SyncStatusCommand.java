package lvsdirector.cli.drbdsync;

import java.util.List;
import java.util.concurrent.Callable;
import lvsdirector.cli.lvsadm.SyncDaemonListing;
import lvsdirector.ipvs.kernel.KernelIpvsBackend;
import lvsdirector.ipvs.kernel.SyncDaemon;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The kernel's sync daemons in ipvsadm's {@code -L --daemon} words; exit 3 when none runs. */
@Command(name = "sync-status", mixinStandardHelpOptions = true,
        description = "Print the kernel's IPVS sync daemons (state, interface, syncid, ...).")
final class SyncStatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (KernelIpvsBackend kernel = KernelAccess.kernel(spec.commandLine())) {
            List<SyncDaemon> daemons = kernel.daemons();
            if (daemons.isEmpty()) {
                System.out.println("no sync daemon running");
                return 3;
            }
            System.out.print(SyncDaemonListing.render(daemons));
            return 0;
        }
    }
}
