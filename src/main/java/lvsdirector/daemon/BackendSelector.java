package lvsdirector.daemon;

import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.kernel.IpvsBackends;
import lvsdirector.ipvs.memory.InMemoryIpvsBackend;

/**
 * Picks the IPVS backend: the kernel's when IPVS resolves and may be used, else the in-memory table;
 * {@code --backend=kernel} insists on the kernel and fails with the reason, {@code --backend=memory}
 * never tries it.
 */
public final class BackendSelector {
    private BackendSelector() {}

    /** The chosen backend and the one line that says which and why. */
    public record Choice(IpvsBackend backend, String logLine) {}

    public static final class BackendUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        BackendUnavailableException(String message) {
            super(message);
        }
    }

    public static Choice choose(String option) throws BackendUnavailableException {
        switch (option) {
            case "memory":
                return new Choice(new InMemoryIpvsBackend(), "IPVS backend: in-memory (selected with --backend=memory)");
            case "kernel": {
                IpvsBackends.Selection selection = IpvsBackends.tryKernel();
                if (!selection.available()) {
                    throw new BackendUnavailableException("kernel IPVS backend unavailable: " + selection.unavailableReason());
                }
                return new Choice(selection.backend(), "IPVS backend: kernel (generic netlink)");
            }
            case "auto": {
                IpvsBackends.Selection selection = IpvsBackends.tryKernel();
                if (selection.available()) {
                    return new Choice(selection.backend(), "IPVS backend: kernel (generic netlink)");
                }
                return new Choice(new InMemoryIpvsBackend(),
                        "IPVS backend: in-memory (" + selection.unavailableReason() + ")");
            }
            default:
                throw new BackendUnavailableException("unknown backend '" + option + "': use auto, memory or kernel");
        }
    }
}
