package lvsdirector.cli.lvsadm.uml;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lvsdirector.cli.lvsadm.ConnectionSource;
import lvsdirector.cli.lvsadm.LvsadmCommand;
import lvsdirector.ipvs.IpvsBackend;
import lvsdirector.ipvs.format.ProcConnections;
import lvsdirector.ipvs.kernel.IpvsBackends;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs inside a UML kernel with ip_vs loaded (see LvsadmVersusIpvsadmIT). ipvsadm programs the table of
 * ipvsadm-formats/setup-commands.txt and starts both sync daemons; local clients open connections to some
 * virtual services (the kernel counts them and lists them in /proc/net/ip_vs_conn); the estimator is then
 * stopped so that counters and rates hold still. Each listing is taken as ipvsadm, lvsadm, ipvsadm; when the
 * two ipvsadm runs agree (nothing moved meanwhile: a connection's seconds left tick every second) lvsadm
 * must equal them byte for byte, with the same exit status; otherwise the triple is retried. Connection
 * listings are compared line by line instead, the seconds left of each entry lying between the two ipvsadm runs'.
 *
 * <p>Each JVM start costs seconds inside UML, so most listings run lvsadm in this JVM (the same
 * {@link LvsadmCommand} on a kernel backend that scripts/lvsadm uses); the listings of {@link #THROUGH_SCRIPT}
 * run the real scripts/lvsadm as a separate process, proving the launcher end to end.
 *
 * <p>Arguments: the path of scripts/lvsadm. Prints "SAME ...", "FAIL ..." and "COMPARISON PASSED".
 */
public final class LvsadmComparison {
    private static final String RUN_ESTIMATION = "/proc/sys/net/ipv4/vs/run_estimation";
    private static final int ATTEMPTS = 4;
    private static final Pattern ENTRY = Pattern.compile("(\\S+ +)(\\d+):(\\d\\d)( .*)");
    /** Connection listings: each entry's seconds left tick while the three runs go on (see compareConnections). */
    private static final List<String> CONNECTION_LISTINGS = List.of("-L -n -c", "-L -n -c --persistent-conn");
    private static final List<String> LISTINGS = List.of(
            "-L -n", "-L -n --stats", "-L -n --rate", "-L -n --exact --stats", "-L -n --exact --rate",
            "-L -n --thresholds", "-L -n --persistent-conn", "-L -n --tun-info", "-L -n --nosort",
            "-L -n -t 10.0.1.100:80", "-L -n -f 1", "-L -n -u [fd00:1::100]:53", "-S -n", "-L --timeout",
            "-L --daemon", "-L -n -t 10.9.9.9:80");

    /** Listings run through scripts/lvsadm as a separate process; the others run in this JVM. */
    private static final Set<String> THROUGH_SCRIPT = Set.of("-L -n", "-L -n -c", "-S -n", "-L -n -t 10.9.9.9:80");

    private final String lvsadm;
    private final List<String> failures = new ArrayList<>();

    private LvsadmComparison(String lvsadm) {
        this.lvsadm = lvsadm;
    }

    public static void main(String[] args) throws Exception {
        LvsadmComparison comparison = new LvsadmComparison(args[0]);
        comparison.programTable();
        comparison.pushTraffic();
        comparison.freezeCounters();
        for (String listing : CONNECTION_LISTINGS) {
            comparison.compareConnections(listing);
        }
        for (String listing : LISTINGS) {
            comparison.compare(listing);
        }
        Command.must("ipvsadm", "-C");
        comparison.compare("-L -n");
        comparison.compare("-S -n");
        comparison.report();
    }

    private void programTable() throws IOException, InterruptedException {
        try (InputStream in = LvsadmComparison.class.getResourceAsStream("/ipvsadm-formats/setup-commands.txt")) {
            String setup = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Command.must("ipvsadm", "-C");
            for (String line : setup.lines().filter(l -> l.startsWith("ipvsadm ")).toList()) {
                Command.must("ipvsadm", line.substring("ipvsadm ".length()));
            }
        }
        Command.must("ipvsadm", "--start-daemon master --mcast-interface lo --syncid 7");
        Command.must("ipvsadm", "--start-daemon backup --mcast-interface lo --syncid 7 --sync-maxlen 1400"
                + " --mcast-group 239.1.2.3 --mcast-port 8849 --mcast-ttl 2");
        Command.must("ipvsadm", "--set 900 120 300");
    }

    /**
     * Local clients are handled by IPVS too. The VIPs live on lo; the reals do not exist, so the first packets
     * are counted and the connections listed, then nothing answers.
     */
    private void pushTraffic() throws IOException, InterruptedException {
        for (String vip : List.of("10.0.1.100/32", "10.0.1.103/32", "10.0.1.110/32")) {
            Command.must("ip", "addr add " + vip + " dev lo");
        }
        Command.must("ip", "-6 addr add fd00:1::100/128 dev lo");
        for (int i = 0; i < 5; i++) {
            tryConnect("10.0.1.100", 80);
            tryConnect("10.0.1.103", 443);
        }
        tryConnect("10.0.1.110", 80);
        try (DatagramSocket udp = new DatagramSocket()) {
            byte[] query = "not really dns".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 3; i++) {
                udp.send(new DatagramPacket(query, query.length, new InetSocketAddress("10.0.1.100", 53)));
                udp.send(new DatagramPacket(query, query.length, new InetSocketAddress("fd00:1::100", 53)));
            }
        }
    }

    private static void tryConnect(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 150);
        } catch (IOException expected) {
            // no real server answers: the SYN is what we wanted the kernel to see
        }
    }

    /** The estimator publishes the counters every 2 s; let it run once more, then stop it. */
    private void freezeCounters() throws IOException, InterruptedException {
        Thread.sleep(2_500);
        Files.writeString(Path.of(RUN_ESTIMATION), "0\n");
        Thread.sleep(2_200);
        String stats = Command.must("ipvsadm", "-L -n --stats --exact").out();
        if (!stats.matches("(?s).*TCP  10\\.0\\.1\\.100:80 +[1-9].*")) {
            failures.add("traffic was not counted:\n" + stats);
        }
    }

    private void compare(String arguments) throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Command before = Command.run("ipvsadm", arguments);
            Command ours = lvsadm(arguments);
            Command after = Command.run("ipvsadm", arguments);
            if (!before.equals(after)) {
                continue;
            }
            if (ours.equals(before)) {
                System.out.printf("SAME lvsadm %s%s (%d bytes, status %d)%n", arguments, via(arguments),
                        before.out().length(), before.status());
            } else {
                failures.add("lvsadm " + arguments + "\n--- ipvsadm (status " + before.status() + ")\n" + before.out()
                        + before.err() + "--- lvsadm (status " + ours.status() + ")\n" + ours.out() + ours.err());
            }
            return;
        }
        failures.add("ipvsadm " + arguments + " never gave the same output twice in a row");
    }

    private Command lvsadm(String arguments) throws IOException, InterruptedException {
        if (THROUGH_SCRIPT.contains(arguments)) {
            return Command.run(lvsadm, arguments);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (PrintWriter outWriter = new PrintWriter(out); PrintWriter errWriter = new PrintWriter(err);
                IpvsBackend backend = IpvsBackends.tryKernel().backend()) {
            status = LvsadmCommand.run(() -> backend, ConnectionSource.procFile(ProcConnections.PROC_FILE), outWriter,
                    errWriter, arguments.trim().split("\\s+"));
        }
        return new Command(status, out.toString(), err.toString());
    }

    /**
     * The connection table between two ipvsadm runs: same entries in the same order (the kernel's hash order),
     * every line of lvsadm equal to that line of both runs except for the entry's seconds left, which tick
     * meanwhile and must lie between the two runs' values. Retried when an entry came or went meanwhile.
     */
    private void compareConnections(String arguments) throws IOException, InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Command before = Command.run("ipvsadm", arguments);
            Command ours = lvsadm(arguments);
            Command after = Command.run("ipvsadm", arguments);
            List<String> first = before.out().lines().toList();
            List<String> second = after.out().lines().toList();
            if (first.size() != second.size() || before.status() != after.status()) {
                continue;
            }
            if (first.size() <= 2) {
                failures.add("lvsadm " + arguments + ": the kernel lists no connections, nothing to compare");
                return;
            }
            List<String> mine = ours.out().lines().toList();
            boolean same = mine.size() == first.size() && ours.status() == before.status() && ours.err().isEmpty()
                    && ours.out().endsWith("\n") == before.out().endsWith("\n");
            for (int i = 0; same && i < mine.size(); i++) {
                same = between(first.get(i), mine.get(i), second.get(i));
            }
            if (same) {
                System.out.printf("SAME lvsadm %s%s (%d entries, status %d)%n", arguments, via(arguments),
                        first.size() - 2,
                        before.status());
            } else {
                failures.add("lvsadm " + arguments + "\n--- ipvsadm\n" + before.out() + "--- lvsadm (status "
                        + ours.status() + ")\n" + ours.out() + ours.err() + "--- ipvsadm again\n" + after.out());
            }
            return;
        }
        failures.add("ipvsadm " + arguments + " never listed the same connections twice in a row");
    }

    /**
     * Lines equal but for the entry's seconds left ("MM:SS", second column), which for the middle run lies
     * between the two others'. Title lines have no such column and must be equal.
     */
    static boolean between(String before, String middle, String after) {
        Matcher b = ENTRY.matcher(before);
        Matcher m = ENTRY.matcher(middle);
        Matcher a = ENTRY.matcher(after);
        if (!(b.matches() && m.matches() && a.matches())) {
            return middle.equals(before) && middle.equals(after);
        }
        boolean sameRest = m.group(1).equals(b.group(1)) && m.group(4).equals(b.group(4))
                && m.group(1).equals(a.group(1)) && m.group(4).equals(a.group(4));
        int left = seconds(m);
        return sameRest && seconds(a) <= left && left <= seconds(b);
    }

    private static int seconds(Matcher entry) {
        return Integer.parseInt(entry.group(2)) * 60 + Integer.parseInt(entry.group(3));
    }

    private static String via(String arguments) {
        return THROUGH_SCRIPT.contains(arguments) ? " [scripts/lvsadm]" : " [in-process]";
    }

    private void report() {
        failures.forEach(f -> System.out.println("FAIL " + f));
        System.out.println(failures.isEmpty() ? "COMPARISON PASSED" : failures.size() + " comparisons failed");
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
