package lvsdirector.cli.lvsadm;

import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.IpvsException;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.format.ConnectionRenderer;
import lvsdirector.ipvs.format.IpvsSnapshot;
import lvsdirector.ipvs.format.ListingOptions;
import lvsdirector.ipvs.format.ListingRenderer;
import lvsdirector.ipvs.format.ListingView;
import lvsdirector.ipvs.format.SaveRenderer;
import lvsdirector.ipvs.kernel.SyncDaemonControl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code lvsadm}: ipvsadm's listing commands over an {@link IpvsBackend}. Output, error texts and exit
 * statuses follow ipvsadm 1.31: 0 on success; 1 when a listed service or the listing itself fails; 2 when
 * the backend cannot be reached or the options contradict each other; 255 when the backend refuses a
 * command ({@code -Z}) or the command line cannot be parsed. The backend is taken from the supplier once
 * per run and not closed: its owner decides its lifetime. The connection table ({@code -c}) comes from a
 * separate {@link ConnectionSource}, since the backends do not carry it; without one {@code -c} is refused.
 * The sync daemons ({@code --daemon}) are listed when the backend is the kernel's ({@link SyncDaemonControl}).
 */
@Command(name = "lvsadm", sortOptions = false,
        description = "List the IPVS table like ipvsadm (numeric output only).")
public final class LvsadmCommand implements Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_LIST_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_COMMAND_FAILED = 255;

    @Option(names = {"-L", "-l", "--list"}, description = "list the table")
    boolean list;
    @Option(names = {"-S", "--save"}, description = "save rules to stdout")
    boolean save;
    @Option(names = {"-Z", "--zero"}, description = "zero counters in a service or all services")
    boolean zero;
    @Option(names = {"-t", "--tcp-service"}, paramLabel = "service-address", description = "host[:port]")
    String tcpService;
    @Option(names = {"-u", "--udp-service"}, paramLabel = "service-address", description = "host[:port]")
    String udpService;
    @Option(names = "--sctp-service", paramLabel = "service-address", description = "host[:port]")
    String sctpService;
    @Option(names = {"-f", "--fwmark-service"}, paramLabel = "fwmark", description = "an integer greater than zero")
    String fwmarkService;
    @Option(names = {"-6", "--ipv6"}, description = "fwmark entry uses IPv6")
    boolean ipv6;
    @Option(names = {"-n", "--numeric"}, description = "numeric output (always on)")
    boolean numeric;
    @Option(names = "--timeout", description = "output of timeout (tcp tcpfin udp)")
    boolean timeout;
    @Option(names = "--stats", description = "output of statistics information")
    boolean stats;
    @Option(names = "--rate", description = "output of rate information")
    boolean rate;
    @Option(names = "--exact", description = "expand numbers (display exact values)")
    boolean exact;
    @Option(names = "--thresholds", description = "output of thresholds information")
    boolean thresholds;
    @Option(names = "--persistent-conn", description = "output of persistent connection info")
    boolean persistentConn;
    @Option(names = "--tun-info", description = "output of tunnel information")
    boolean tunInfo;
    @Option(names = "--nosort", description = "disable sorting output of service/server entries")
    boolean nosort;
    @Option(names = "--sort", description = "does nothing, for backwards compatibility")
    boolean sort;
    @Option(names = {"-c", "--connection"}, description = "output of current IPVS connections")
    boolean connections;
    @Option(names = "--daemon", description = "output of daemon information")
    boolean daemon;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "display this help message")
    boolean help;

    private final Supplier<IpvsBackend> backends;
    private final Optional<ConnectionSource> connectionSource;
    private final PrintWriter out;
    private final PrintWriter err;

    /** Without a connection table: {@code -c} is refused. */
    public LvsadmCommand(Supplier<IpvsBackend> backends, PrintWriter out, PrintWriter err) {
        this(backends, Optional.empty(), out, err);
    }

    public LvsadmCommand(Supplier<IpvsBackend> backends, Optional<ConnectionSource> connectionSource, PrintWriter out,
                         PrintWriter err) {
        this.backends = Objects.requireNonNull(backends, "backends");
        this.connectionSource = Objects.requireNonNull(connectionSource, "connectionSource");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Parses and runs one command line without a connection table; returns the exit status. */
    public static int run(Supplier<IpvsBackend> backends, PrintWriter out, PrintWriter err, String... args) {
        return run(new LvsadmCommand(backends, out, err), out, err, args);
    }

    /** Parses and runs one command line; returns the exit status. */
    public static int run(Supplier<IpvsBackend> backends, ConnectionSource connections, PrintWriter out,
                          PrintWriter err, String... args) {
        return run(new LvsadmCommand(backends, Optional.of(connections), out, err), out, err, args);
    }

    private static int run(LvsadmCommand command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, badArgs) -> {
            err.println(e.getMessage());
            err.println("Try `lvsadm -h' or 'lvsadm --help' for more information.");
            err.flush();
            return EXIT_COMMAND_FAILED;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        try {
            Optional<ServiceKey> service = selectedService();
            Command command = command();
            IpvsBackend backend = backends.get();
            if (!reachable(backend)) {
                return EXIT_USAGE;
            }
            return switch (command) {
                case LIST -> list(backend, service);
                case SAVE -> save(backend, service);
                case ZERO -> zero(backend, service);
            };
        } catch (UsageException e) {
            return fail(EXIT_USAGE, e.getMessage());
        } finally {
            out.flush();
            err.flush();
        }
    }

    private enum Command { LIST, SAVE, ZERO }

    private Command command() throws UsageException {
        List<Command> given = new ArrayList<>();
        if (list) {
            given.add(Command.LIST);
        }
        if (save) {
            given.add(Command.SAVE);
        }
        if (zero) {
            given.add(Command.ZERO);
        }
        if (given.size() > 1) {
            throw new UsageException("multiple commands specified");
        }
        Command command = given.isEmpty() ? Command.LIST : given.get(0);
        boolean listingOption = connections || daemon || timeout || stats || rate || exact || thresholds || persistentConn
                || tunInfo;
        if (command != Command.LIST && listingOption) {
            throw new UsageException("listing options are only allowed with -L");
        }
        if (connections && connectionSource.isEmpty()) {
            throw new UsageException("the connection table (-c) is not available from this backend");
        }
        return command;
    }

    private Optional<ServiceKey> selectedService() throws UsageException {
        List<ServiceKey> keys = new ArrayList<>();
        if (tcpService != null) {
            keys.add(ServiceSelector.address(Protocol.TCP, tcpService));
        }
        if (udpService != null) {
            keys.add(ServiceSelector.address(Protocol.UDP, udpService));
        }
        if (sctpService != null) {
            keys.add(ServiceSelector.address(Protocol.SCTP, sctpService));
        }
        if (fwmarkService != null) {
            keys.add(ServiceSelector.fwmark(fwmarkService, ipv6));
        }
        if (keys.size() > 1) {
            throw new UsageException("more than one virtual service specified");
        }
        return keys.stream().findFirst();
    }

    /** Like ipvsadm's start-up GET_INFO: a backend that cannot answer it is reported and nothing else is tried. */
    private boolean reachable(IpvsBackend backend) {
        try {
            backend.info();
            return true;
        } catch (IpvsException e) {
            err.println("Can't initialize ipvs: " + e.getMessage());
            err.println("Are you sure that IP Virtual Server is built in the kernel or as module?");
            return false;
        }
    }

    private int list(IpvsBackend backend, Optional<ServiceKey> service) {
        try {
            if (timeout) {
                out.print(ListingRenderer.timeouts(backend.timeouts()));
                return EXIT_OK;
            }
            if (connections) {
                return listConnections(connectionSource.orElseThrow());
            }
            if (daemon) {
                return listDaemons(backend);
            }
            ListingOptions options = new ListingOptions(view(), exact, !nosort);
            if (service.isEmpty()) {
                out.print(ListingRenderer.renderAll(IpvsSnapshot.read(backend), options));
                return EXIT_OK;
            }
            Optional<IpvsSnapshot.ServiceListing> one = IpvsSnapshot.readOne(backend, service.get());
            if (one.isEmpty()) {
                return fail(EXIT_LIST_FAILED, "No such service");
            }
            out.print(ListingRenderer.renderService(one.get(), options));
            return EXIT_OK;
        } catch (IpvsException e) {
            return fail(EXIT_LIST_FAILED, e.getMessage());
        }
    }

    private int listConnections(ConnectionSource source) {
        try {
            out.print(ConnectionRenderer.render(source.connections(), persistentConn));
            return EXIT_OK;
        } catch (IOException | IllegalArgumentException e) {
            return fail(EXIT_LIST_FAILED, "cannot read the connection table: " + e.getMessage());
        }
    }

    private int listDaemons(IpvsBackend backend) throws IpvsException {
        if (!(backend instanceof SyncDaemonControl control)) {
            return fail(EXIT_USAGE, "the sync daemon list (--daemon) is not available from this backend");
        }
        out.print(SyncDaemonListing.render(control.daemons()));
        return EXIT_OK;
    }

    /** The first view option in ipvsadm's order of precedence wins. */
    private ListingView view() {
        if (stats) {
            return ListingView.STATS;
        }
        if (rate) {
            return ListingView.RATE;
        }
        if (thresholds) {
            return ListingView.THRESHOLDS;
        }
        if (persistentConn) {
            return ListingView.PERSISTENT_CONN;
        }
        return tunInfo ? ListingView.TUN_INFO : ListingView.DEFAULT;
    }

    private int save(IpvsBackend backend, Optional<ServiceKey> service) throws UsageException {
        if (service.isPresent()) {
            throw new UsageException("-S saves the whole table; a virtual service is not allowed with it");
        }
        try {
            out.print(SaveRenderer.render(IpvsSnapshot.read(backend), !nosort));
            return EXIT_OK;
        } catch (IpvsException e) {
            return fail(EXIT_LIST_FAILED, e.getMessage());
        }
    }

    private int zero(IpvsBackend backend, Optional<ServiceKey> service) {
        try {
            backend.zero(service);
            return EXIT_OK;
        } catch (IpvsException e) {
            return fail(EXIT_COMMAND_FAILED, e.getMessage());
        }
    }

    private int fail(int status, String message) {
        err.println(message);
        return status;
    }
}
