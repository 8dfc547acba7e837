package lvsdirector.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our director end to end in a real kernel: a .cf with a NAT virtual (HTTP checks, fallback on the director
 * itself), a direct-routing virtual (quiescent) and a persistent NAT virtual (connect checks), run by
 * scripts/ldirectord with the kernel backend in a director namespace; real HTTP traffic from a client
 * namespace through the VIPs to three real servers that answer with their names. Every assertion is on what
 * the client receives, the table only tells when to look.
 */
class DirectorTrafficIT {
    private static final int CHECK_INTERVAL = 1;
    private static final int CHECK_TIMEOUT = 1;
    /**
     * The bound asserted is interval + timeout + this: inside UML (one virtual CPU) on a shared 2-core host a
     * JVM needs seconds for what takes milliseconds natively (measured: up to 3 s extra at host load 14).
     */
    private static final long DETECTION_SLACK_MS = 4_000;
    private static final String NAT = "http://10.0.1.100/";
    private static final String DR = "http://10.0.2.101/";
    private static final String PERSISTENT = "http://10.0.1.103/";

    @Test
    @Timeout(480)
    void realTrafficFollowsTheHealthOfTheRealServers() throws Exception {
        Directors.requirePackagedDirector();
        long begin = System.nanoTime();
        try (UmlAgent uml = UmlAgent.boot(450)) {
            Path config = uml.dir().resolve("traffic.cf");
            Files.writeString(config, config(uml.dir().resolve("director.log")));
            uml.ok("scripts/uml/rig.sh traffic-topology && scripts/uml/rig.sh fallback-start");
            assertThat(requests(uml, "http://10.0.2.11/", 1)).as("a real server answers directly").containsExactly("rs1");

            long startedAt = millis(uml.ok("scripts/uml/rig.sh now"));
            long pid = Long.parseLong(uml.ok(Directors.startOurs("director", config, uml.dir().resolve("director.err"), uml.dir())).trim());
            DirectorTimeline timeline = DirectorTimeline.follow(uml, uml.dir().resolve("director.err"),
                    Directors.jvmLog(uml.dir(), "director"));
            // a JVM starting inside UML on a loaded host can take a minute; the wait allows for it, no bound asserted
            long programmedAt = await(uml, "-t 10.0.1.103:80", "PRESENT", "10.0.2.13:80 +Masq +1 ", 150);
            await(uml, "-t 10.0.1.100:80", "PRESENT", "10.0.2.13:80 +Masq +1 ", 60);
            await(uml, "-t 10.0.2.101:80", "PRESENT", "10.0.2.13:80 +Route +1 ", 60);
            report("director start to full table", programmedAt - startedAt);

            assertThat(counts(requests(uml, NAT, 9))).as("NAT, round robin").isEqualTo(Map.of("rs1", 3L, "rs2", 3L, "rs3", 3L));
            assertThat(counts(requests(uml, DR, 9))).as("direct routing").isEqualTo(Map.of("rs1", 3L, "rs2", 3L, "rs3", 3L));
            List<String> clientA = requests(uml, PERSISTENT, 6);
            List<String> clientB = requestsFrom(uml, PERSISTENT, 6, "10.0.1.11");
            assertThat(clientA).as("client A sticks to one real").hasSize(6).containsOnly(clientA.get(0)).doesNotContain("FAIL");
            assertThat(clientB).as("client B sticks to one real").hasSize(6).containsOnly(clientB.get(0)).doesNotContain("FAIL");

            // a hung real server (SIGSTOP: it accepts connections, never answers) must fail its HTTP check
            long hungAt = millis(uml.ok("scripts/uml/rig.sh server-stop 2"));
            // one check job feeds both virtuals (same URL, receive and timeout), so both changes come from one
            // verdict; both are awaited at once, or the second figure would include the first wait's UML round trip
            long[] hungSeen = awaitBoth(uml, new String[] {"-t 10.0.1.100:80", "ABSENT", "10.0.2.12:80"},
                    new String[] {"-t 10.0.2.101:80", "PRESENT", "10.0.2.12:80 +Route +0 "}, 30);
            long removedAt = hungSeen[0];
            long quiescedAt = hungSeen[1];
            // when the table changed: the director logs each change after the kernel acknowledged it, and the
            // follower stamps the line within 10 ms; the poll forks ipvsadm per look and lags by seconds in a
            // loaded one-CPU kernel, so it is the figure only when the line is missing
            long removed = changed(timeline, "hung rs2 taken out of NAT", hungAt, removedAt,
                    "Deleted real server: 10.0.2.12:80 (10.0.1.100:80)");
            long quiesced = changed(timeline, "hung rs2 quiesced in DR", hungAt, quiescedAt,
                    "Quiescent real server: 10.0.2.12:80 (10.0.2.101:80)");
            long bound = (CHECK_INTERVAL + CHECK_TIMEOUT) * 1000L + DETECTION_SLACK_MS;
            assertThat(removed - hungAt).as(() -> "detection within checkinterval + checktimeout; the director meanwhile:\n"
                    + timeline.between(hungAt, removedAt)).isLessThanOrEqualTo(bound);
            assertThat(quiesced - hungAt).as(() -> "detection within checkinterval + checktimeout; the director meanwhile:\n"
                    + timeline.between(hungAt, quiescedAt)).isLessThanOrEqualTo(bound);
            assertThat(requests(uml, NAT, 8)).as("NAT without rs2").containsOnly("rs1", "rs3").contains("rs1", "rs3");
            assertThat(requests(uml, DR, 8)).as("DR with rs2 quiesced").containsOnly("rs1", "rs3").contains("rs1", "rs3");

            long revivedAt = millis(uml.ok("scripts/uml/rig.sh server-cont 2"));
            long[] revivedSeen = awaitBoth(uml, new String[] {"-t 10.0.1.100:80", "PRESENT", "10.0.2.12:80 +Masq +1 "},
                    new String[] {"-t 10.0.2.101:80", "PRESENT", "10.0.2.12:80 +Route +1 "}, 30);
            long backAt = revivedSeen[0];
            long reweightedAt = revivedSeen[1];
            long back = changed(timeline, "revived rs2 back in NAT", revivedAt, backAt,
                    "real server: 10.0.2.12:80 (10.0.1.100:80) (Weight set to 1)");
            long reweighted = changed(timeline, "revived rs2 back to weight 1 in DR", revivedAt, reweightedAt,
                    "real server: 10.0.2.12:80 (10.0.2.101:80) (Weight set to 1)");
            assertThat(Math.max(back, reweighted) - revivedAt).as(() -> "recovery within checkinterval + checktimeout; the director meanwhile:\n"
                    + timeline.between(revivedAt, Math.max(backAt, reweightedAt))).isLessThanOrEqualTo(bound);
            assertThat(requests(uml, NAT, 9)).as("NAT with rs2 back").contains("rs1", "rs2", "rs3").doesNotContain("FAIL");
            assertThat(requests(uml, DR, 9)).as("DR with rs2 back").contains("rs1", "rs2", "rs3").doesNotContain("FAIL");

            long killedAt = millis(uml.ok("for i in 1 2 3; do scripts/uml/rig.sh server-kill $i; done | tail -n 1"));
            long fallbackAt = await(uml, "-t 10.0.1.100:80", "PRESENT", "127.0.0.1:80 +(Local|Route) +1 ", 30);
            report("all reals dead to fallback in NAT", fallbackAt - killedAt);
            await(uml, "-t 10.0.1.100:80", "ABSENT", "10.0.2.1[123]:80", 30);
            assertThat(requests(uml, NAT, 4)).as("the fallback serves when every real is down").containsOnly("fallback");
            assertThat(requests(uml, DR, 2)).as("DR has no fallback: nothing answers").containsOnly("FAIL");

            uml.ok("scripts/uml/rig.sh server-start 3");
            await(uml, "-t 10.0.1.100:80", "ABSENT", "127.0.0.1:80", 30);
            assertThat(requests(uml, NAT, 3)).as("the first real back replaces the fallback").containsOnly("rs3");

            assertThat(uml.ok(Directors.stop(pid, Duration.ofSeconds(20))).trim()).as("director stops on TERM").isEqualTo("gone");
            assertThat(uml.ok("ip netns exec director ipvsadm -S -n")).as("cleanstop empties the table").isEmpty();
            assertThat(Files.readString(uml.dir().resolve("director.err")))
                    .contains("Deleted real server: 10.0.2.12:80 (10.0.1.100:80)")
                    .contains("Quiescent real server: 10.0.2.12:80 (10.0.2.101:80) (Weight set to 0)")
                    .contains("Added fallback server: 127.0.0.1:80 (10.0.1.100:80) (Weight set to 1)");
        } finally {
            report("DirectorTrafficIT total", (System.nanoTime() - begin) / 1_000_000);
        }
    }

    /**
     * When the director logged {@code line} after {@code from} (no later than the poll saw the change), else the
     * poll's time; both reported as {@code what}.
     */
    private static long changed(DirectorTimeline timeline, String what, long from, long polled, String line) {
        long logged = timeline.firstAfter(from, line);
        long at = logged >= 0 ? Math.min(logged, polled) : polled;
        report(what + " (poll)", polled - from);
        report(what + " (director's log)", at - from);
        return at;
    }

    private static String config(Path log) {
        return """
                checkinterval=%d
                checktimeout=%d
                negotiatetimeout=%d
                quiescent=no
                logfile="%s"

                virtual=10.0.1.100:80
                \treal=10.0.2.11:80 masq
                \treal=10.0.2.12:80 masq
                \treal=10.0.2.13:80 masq
                \tfallback=127.0.0.1:80 gate
                \tservice=http
                \trequest="/"
                \treceive="rs"
                \tscheduler=rr

                virtual=10.0.2.101:80
                \treal=10.0.2.11:80 gate
                \treal=10.0.2.12:80 gate
                \treal=10.0.2.13:80 gate
                \tservice=http
                \treceive="rs"
                \tscheduler=rr
                \tquiescent=yes

                virtual=10.0.1.103:80
                \treal=10.0.2.11:80 masq
                \treal=10.0.2.12:80 masq
                \treal=10.0.2.13:80 masq
                \tchecktype=connect
                \tscheduler=rr
                \tpersistent=300
                """.formatted(CHECK_INTERVAL, CHECK_TIMEOUT, CHECK_TIMEOUT, log);
    }

    private static List<String> requests(UmlAgent uml, String url, int count) throws Exception {
        return requestsFrom(uml, url, count, "");
    }

    private static List<String> requestsFrom(UmlAgent uml, String url, int count, String source) throws Exception {
        String output = uml.ok("ip netns exec client python3 src/test/resources/it/http-client.py " + url + " " + count + " " + source);
        return output.lines().toList();
    }

    private static Map<String, Long> counts(List<String> names) {
        return names.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    /** Waits inside UML for a line of `ipvsadm -L -n SERVICE` to appear or vanish; returns when (epoch ms). */
    private static long await(UmlAgent uml, String service, String presence, String regex, int seconds) throws Exception {
        String command = "scripts/uml/rig.sh await-line director '" + service + "' " + presence + " '" + regex + "' " + seconds;
        return millis(uml.run(command, Duration.ofSeconds(seconds + 30)).requireSuccess(command).output());
    }

    /**
     * Waits for two conditions (each SERVICE, PRESENT|ABSENT, REGEX as in {@link #await}) on one poll of the
     * whole table per iteration; returns when each was first seen (epoch ms), in order. Two waits one after
     * the other would date the second change no earlier than the first wait's return plus a UML round trip.
     */
    private static long[] awaitBoth(UmlAgent uml, String[] first, String[] second, int seconds) throws Exception {
        String script = """
                now() { echo $(( $(date +%%s%%N) / 1000000 )); }
                seen() { printf '%%s\n' "$table" | awk -v s="$1" '/^(TCP|UDP|FWM)/ { on = ($2 == s) } on' \
                    | grep -Eq -- "$3"; found=$?; if [ "$2" = PRESENT ]; then [ $found = 0 ]; else [ $found != 0 ]; fi; }
                deadline=$(( $(now) + %d * 1000 )); a=; b=
                while :; do
                    table=$(ip netns exec director ipvsadm -L -n); t=$(now)
                    [ -n "$a" ] || ! seen '%s' %s '%s' || a=$t
                    [ -n "$b" ] || ! seen '%s' %s '%s' || b=$t
                    [ -n "$a" ] && [ -n "$b" ] && { echo "$a"; echo "$b"; exit 0; }
                    [ "$t" -lt "$deadline" ] || { echo "time-out: first=$a second=$b"; echo "$table"; exit 1; }
                    sleep 0.05
                done
                """.formatted(seconds, service(first[0]), first[1], first[2], service(second[0]), second[1], second[2]);
        List<String> lines = uml.run(script, Duration.ofSeconds(seconds + 30)).requireSuccess(script).output()
                .strip().lines().toList();
        return new long[] {Long.parseLong(lines.get(0)), Long.parseLong(lines.get(1))};
    }

    /** "-t 10.0.1.100:80" as `ipvsadm -L -n` heads the service's lines: "10.0.1.100:80". */
    private static String service(String option) {
        return option.substring(option.indexOf(' ') + 1);
    }

    private static long millis(String output) {
        return Long.parseLong(output.strip().lines().reduce((a, b) -> b).orElseThrow());
    }

    private static void report(String what, long millis) {
        System.out.printf("DirectorTrafficIT: %s: %d ms%n", what, millis);
    }
}
