package lvsdirector.cli;

import java.io.PrintStream;

/** ldirectord's usage and version texts (the synopsis and the first version line are its contract). */
final class Usage {
    static final String VERSION_LINE = "Linux Director v1.186-ha";

    private Usage() {}

    static void printUsage(PrintStream out) {
        out.print("""
                Usage:
                    ldirectord [-d|--debug] [--] [configfile] start | stop | restart |
                    try-restart | reload | force-reload | status | configtest | show

                    ldirectord [configfile] drain|undrain [--virtual=VIRTUAL] RIP[:PORT] ...
                    ldirectord [configfile] weight [--virtual=VIRTUAL] RIP[:PORT] N|configured ...
                    ldirectord [configfile] overrides

                    ldirectord [-h|-?|--help|-v|--version]

                Options:
                    configfile  name of the configuration: looked up as /etc/ha.d/<configfile>,
                                then /etc/ha.d/conf/<configfile>, then as given. Default: ldirectord.cf

                    -d|--debug  stay in the foreground and log every message to stderr.
                    --backend=auto|memory|kernel
                                IPVS backend (lvs-director only). auto: the kernel's when IPVS is
                                available and permitted, else the in-memory table.
                    --foreground
                                start: run the daemon in this process instead of detaching it
                                (lvs-director only; for systemd units and other supervisors).
                    -h|--help   print this help and exit.
                    -v|--version
                                print the version and exit.

                Actions:
                    start         start the daemon for the configuration (returns once it runs).
                    stop          stop it (sends TERM).
                    restart       stop, wait until it has exited, start.
                    try-restart   restart only if it runs.
                    reload|force-reload
                                  re-read the configuration (sends HUP); only the differences are applied.
                    status        report whether the daemon runs (exit 0 running, 1 stale pid file, 3 stopped).
                    configtest    check the configuration and print every error and warning (exit 0 or 2).
                    show          per real server: health, weight, last check result and since when, overrides.
                    standby       (lvs-director only) run as a hot standby: check the real servers
                                  without touching IPVS. A later start activates it at once, from the
                                  health it already knows; stop returns it to standby; stop in standby
                                  ends it. status reports a standby as not running (exit 3).

                Operator overrides (lvs-director only; they survive restarts, reloads and failover):
                    drain RIP[:PORT] ...
                                  weight 0 while up: no new connections, existing ones continue; the
                                  server is still checked. RIP alone names every port of that address.
                    undrain RIP[:PORT] ...
                                  back to its weight (configured, or the weight override).
                    weight RIP[:PORT] N ...
                                  use weight N (0..65535) instead of the configured one while the server
                                  is up; "configured" removes the override. Pairs may repeat.
                    overrides     list the overrides, where they are stored, and those that match no
                                  configured real server (kept, never dropped silently).
                    --virtual=VIRTUAL limits an override to one virtual (id tcp:192.0.2.1:80 or 192.0.2.1:80).
                    With a running daemon the change goes through its control socket and applies within
                    one check round; without one the store is edited directly (under its lock). The store
                    is the DRBD state directory (/var/lib/lvs-director/state) when this node is DRBD
                    Primary and it is mounted, node-local (/var/lib/lvs-director/local) when no DRBD state
                    directory is in use; a DRBD Secondary refuses. Exit 0 done, 1 unknown server or bad
                    input, 2 configuration errors, 4 this node may not write state (the reason is printed).
                """);
    }

    static void printVersion(PrintStream out, String implementationVersion) {
        out.println(VERSION_LINE);
        out.println("lvs-director " + implementationVersion + ", a Java re-implementation of ldirectord");
        out.println("with a Heartbeat-compatible peer and a DRBD-backed state directory.");
        out.println();
        out.println("lvs-director comes with ABSOLUTELY NO WARRANTY.");
        out.println("This is free software; see the project's licence for the conditions.");
    }
}
