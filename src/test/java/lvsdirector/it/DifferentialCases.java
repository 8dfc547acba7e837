package lvsdirector.it;

import static lvsdirector.it.AllowedDifference.missingInTheirs;

import java.util.List;
import lvsdirector.it.DifferentialCase.Edit;

/**
 * The configurations of {@link LdirectordDifferentialIT}. Real servers rs1..rs3 are 10.0.2.11..13 and answer
 * HTTP with their name on ports 80 and 8080; virtual addresses need not exist anywhere, only the table is
 * compared. Each case names the allowed differences it provokes.
 */
final class DifferentialCases {
    private DifferentialCases() {}

    private static final String GLOBALS = """
            checkinterval=2
            checktimeout=1
            negotiatetimeout=1
            logfile="@LOG@"
            """;

    static final DifferentialCase MASQ_NOT_QUIESCENT = new DifferentialCase("masq, quiescent=no, global fallback, http check",
            GLOBALS + """
                    quiescent=no
                    fallback=127.0.0.1:80

                    virtual=10.0.3.1:80
                    \treal=10.0.2.11:80 masq 1
                    \treal=10.0.2.12:80 masq 2
                    \treal=10.0.2.13:80 masq 3
                    \tservice=http
                    \trequest="/"
                    \treceive="rs"
                    \tscheduler=wlc
                    """,
            List.of(new Edit("masq 1", "masq 5")),
            List.of());

    static final DifferentialCase GATE_QUIESCENT_PORT_MAPPING = new DifferentialCase("gate, quiescent=yes, port mapping, thresholds",
            GLOBALS + """
                    quiescent=yes

                    virtual=10.0.3.2:80
                    \treal=10.0.2.11:80 gate 2 l:10 u:100
                    \treal=10.0.2.12:8080 gate 3
                    \treal=10.0.2.13:80 gate 1 l:5 u:50
                    \tchecktype=connect
                    \tscheduler=rr
                    """,
            List.of(new Edit("gate 2 l:10 u:100", "gate 4 l:10 u:100")),
            List.of(new AllowedDifference("§7.2 #4, fixed",
                    "a gate real whose port differs from the virtual's is stored with the virtual port; ldirectord looks"
                            + " for RIP:8080, finds nothing, its -a fails (Destination already exists) and the real stays"
                            + " quiesced although healthy",
                    "-a -t 10.0.3.2:80 -r 10.0.2.12:80 -g -w 3", "-a -t 10.0.3.2:80 -r 10.0.2.12:80 -g -w 0")));

    private static final String NINE = "§7.2 #9, fixed";
    private static final String GLOBAL_FALLBACK_ON_FWMARK = "the global fallback has no entry for a fwmark virtual:"
            + " ldirectord runs `ipvsadm -a -f 5 ... -r :0`, which fails; ours adds the fallback address with port 0";

    static final DifferentialCase FWMARK_PERSISTENT = new DifferentialCase("fwmark, persistence with netmask, global fallback",
            GLOBALS + """
                    quiescent=no
                    fallback=127.0.0.1

                    virtual=5
                    \treal=10.0.2.11 masq 2
                    \treal=10.0.2.12 masq 1
                    \treal=10.0.2.13 masq 1
                    \tchecktype=connect
                    \tcheckport=80
                    \tpersistent=600
                    \tnetmask=255.255.255.0
                    \tscheduler=sh
                    """,
            List.of(new Edit("persistent=600", "persistent=900"), new Edit("masq 2", "masq 3")),
            List.of(missingInTheirs(NINE, GLOBAL_FALLBACK_ON_FWMARK, "-a -f 5 -r 127.0.0.1:0 -g -w 1"),
                    missingInTheirs(NINE, GLOBAL_FALLBACK_ON_FWMARK, thresholdsLine("127.0.0.1:0", 0, 0))));

    static final DifferentialCase MASQ_QUIESCENT_PERSISTENT = new DifferentialCase("masq, quiescent=yes, virtual fallback, persistence, thresholds",
            GLOBALS + """
                    quiescent=yes

                    virtual=10.0.3.4:8080
                    \treal=10.0.2.11:8080 masq 4 l:20 u:200
                    \treal=10.0.2.12:8080 masq 4
                    \treal=10.0.2.13:8080 masq 2
                    \tfallback=127.0.0.1:8080 masq
                    \tservice=http
                    \treceive="rs"
                    \tpersistent=300
                    \tscheduler=wrr
                    """,
            List.of(new Edit("u:200", "u:300"), new Edit("masq 2", "masq 1")),
            List.of());

    /** A destination line of `ipvsadm -L -n --thresholds` (no connections). */
    static String thresholdsLine(String destination, int upper, int lower) {
        return String.format("  -> %-28s %-10d %-10d %-10d %-10d", destination, upper, lower, 0, 0);
    }

    static List<DifferentialCase> all() {
        return List.of(MASQ_NOT_QUIESCENT, GATE_QUIESCENT_PORT_MAPPING, FWMARK_PERSISTENT, MASQ_QUIESCENT_PERSISTENT);
    }
}
