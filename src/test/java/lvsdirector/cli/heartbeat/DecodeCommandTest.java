package lvsdirector.cli.heartbeat;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecodeCommandTest {
    private static final String SHA1_VECTOR_HEX = "2323230a31313a283029743d7374617475732c31303a28302973743d696e69742c31303a28302964743d316634302c31"
            + "333a28302970726f746f636f6c3d312c31323a2830297372633d6e6f6465612c32373a283129737263757569643d30a4"
            + "8ac205d24424a1297829a6ec53312c383a2830297365713d312c31343a28302968673d36623036343461382c31343a28"
            + "302974733d36623036343461372c32383a2830296c643d302e303820302e313720302e303820312f39362032392c383a"
            + "28302974746c3d332c35303a283029617574683d31206566363663343062346235316663393166366362656561613239"
            + "65306136376333353738376663392c2525250a34323a3120386264303636393531313664346663383139626265666561"
            + "666366643930373466313366326535302c";
    private static final String SHA1_OUTER = "8bd06695116d4fc819bbefeafcfd9074f13f2e50";

    @TempDir
    Path dir;

    record Run(int exit, List<String> out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new HeartbeatMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString().lines().toList(), err.toString());
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource.replace('/', '_'));
        try (InputStream in = getClass().getResourceAsStream("/heartbeat-captures/" + resource)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private Path authkeys(String run) throws IOException {
        Path keys = copy(run + "/authkeys.txt");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        return keys;
    }

    /** The summary lines expected for a capture, read straight from the payload bytes in capture.txt. */
    private static List<String> expectedSummary(String run) throws IOException {
        String text;
        try (InputStream in = DecodeCommandTest.class.getResourceAsStream("/heartbeat-captures/" + run + "/capture.txt")) {
            text = new String(in.readAllBytes(), ISO_8859_1);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("HEX ")) {
                String payload = new String(HexFormat.of().parseHex(line.strip().substring(4)), ISO_8859_1);
                lines.add("ok " + field(payload, "t") + " " + field(payload, "src") + " " + field(payload, "seq"));
            }
        }
        return lines;
    }

    private static String field(String payload, String name) {
        Matcher m = Pattern.compile("[:\\n]\\(0\\)" + name + "=([^,]*),").matcher(payload);
        return m.find() ? m.group(1) : "-";
    }

    @Test
    void summaryOfACaptureIsOneExactLinePerPacket() throws Exception {
        Run r = run("decode", "--authkeys", authkeys("smoke-sha1").toString(), "--summary", copy("smoke-sha1/capture.pcap").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).hasSize(86);
        assertThat(r.out().subList(0, 4)).containsExactly("ok status nodea 1", "ok status nodea 2", "ok status nodea 3", "ok NS_ackmsg nodea -");
        assertThat(r.out()).isEqualTo(expectedSummary("smoke-sha1"));
    }

    @Test
    void summaryOfTheTwoNodeRunsMatchesTheirCaptures() throws Exception {
        Run sha1 = run("decode", "--authkeys", authkeys("main-sha1-bcast").toString(), "--summary", copy("main-sha1-bcast/capture.pcap").toString());
        assertThat(sha1.exit()).isZero();
        assertThat(sha1.out()).hasSize(344).isEqualTo(expectedSummary("main-sha1-bcast"));
        assertThat(sha1.out()).containsSubsequence("ok ask_resources nodeb 5e", "ok ask_resources nodea b", "ok ask_resources nodeb 61", "ok shutdone nodea 53");

        Path md5Keys = authkeys("md5-ucast");
        Run ethernet = run("decode", "--authkeys", md5Keys.toString(), "--summary", copy("md5-ucast/capture.pcap").toString());
        Run cooked = run("decode", "--authkeys", md5Keys.toString(), "--summary", copy("md5-ucast/capture-sll.pcap").toString());
        assertThat(ethernet.out()).hasSize(125).isEqualTo(expectedSummary("md5-ucast"));
        assertThat(cooked.out()).isEqualTo(ethernet.out());
    }

    @Test
    void theWrongKeyMakesEveryPacketBad() throws Exception {
        Run r = run("decode", "--authkeys", authkeys("md5-ucast").toString(), "--summary", copy("smoke-sha1/capture.pcap").toString());

        assertThat(r.exit()).isEqualTo(DecodeCommand.SOME_BAD);
        assertThat(r.out()).hasSize(86).allSatisfy(line -> assertThat(line).startsWith("bad signature mismatch: outer md5 token "));
    }

    @Test
    void hexInputReportsEachBadPacketWithItsReason() throws Exception {
        String forged = SHA1_VECTOR_HEX.replace(HexFormat.of().formatHex(SHA1_OUTER.getBytes(ISO_8859_1)),
                HexFormat.of().formatHex("0".repeat(40).getBytes(ISO_8859_1)));
        Path hex = dir.resolve("packets.hex");
        Files.writeString(hex, "# one packet per line\n" + SHA1_VECTOR_HEX + "\n\n" + SHA1_VECTOR_HEX.substring(0, 100) + "\nxyz\n" + forged
                + "\n" + HexFormat.of().formatHex("hello".getBytes(ISO_8859_1)) + "\n");

        Run r = run("decode", "--authkeys", authkeys("smoke-sha1").toString(), "--summary", hex.toString());

        assertThat(r.exit()).isEqualTo(DecodeCommand.SOME_BAD);
        assertThat(r.out()).containsExactly(
                "ok status nodea 1",
                "bad truncated: field at offset 47 announces 13 bytes, only 0 remain",
                "bad input: line 5 is not an even number of hex digits",
                "bad signature mismatch: outer sha1 token " + "0".repeat(40) + " does not match, expected " + SHA1_OUTER,
                "bad malformed: packet does not start with ###\\n");
    }

    @Test
    void fullOutputListsFieldsAndBothSignatures() throws Exception {
        Run r = run("decode", "--authkeys", authkeys("smoke-sha1").toString(), copy("smoke-sha1/capture.pcap").toString());

        assertThat(r.exit()).isZero();
        assertThat(r.out().subList(0, 17)).containsExactly(
                "packet 1: smoke-sha1_capture.pcap frame 3, 10.200.0.1:36828 > 10.200.0.255:694, 305 bytes",
                "  format: netstring",
                "  t=status",
                "  st=init",
                "  dt=1f40",
                "  protocol=1",
                "  src=nodea",
                "  (1)srcuuid=30a48ac205d24424a1297829a6ec5331 (hex)",
                "  seq=1",
                "  hg=6b0644a8",
                "  ts=6b0644a7",
                "  ld=0.08 0.17 0.08 1/96 29",
                "  ttl=3",
                "  auth=1 ef66c40b4b51fc91f6cbeeaa29e0a67c35787fc9",
                "  signature: ok (auth 1 sha1)",
                "  inner auth: ok",
                "");
    }

    @Test
    void anAuthkeysFileReadableByOthersIsRefused() throws Exception {
        Path keys = authkeys("smoke-sha1");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r--r--"));

        Run r = run("decode", "--authkeys", keys.toString(), "--summary", copy("smoke-sha1/capture.pcap").toString());

        assertThat(r.exit()).isEqualTo(DecodeCommand.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Bad permissions on keyfile [" + keys + "], 600 recommended.");
    }

    @Test
    void aMissingInputIsAnError() throws Exception {
        Run r = run("decode", "--authkeys", authkeys("smoke-sha1").toString(), dir.resolve("nope.pcap").toString());
        assertThat(r.exit()).isEqualTo(DecodeCommand.ERROR);
        assertThat(r.err()).startsWith("heartbeat decode: cannot read ").contains("nope.pcap");
    }

    @Test
    void aTruncatedPcapEndsWithABadLine() throws Exception {
        Path pcap = copy("smoke-sha1/capture.pcap");
        byte[] all = Files.readAllBytes(pcap);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(all, 24 + 2 * (16 + 42) + 16 + 100));

        Run r = run("decode", "--authkeys", authkeys("smoke-sha1").toString(), "--summary", cut.toString());

        assertThat(r.out()).containsExactly("bad input: cut.pcap frame 3 is cut off");
    }

    @Test
    void withoutASubcommandUsageIsShown() {
        Run r = run();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("a subcommand is required (start, stop, status, nodestatus, rscstatus, standby, takeover, reload, decode)");
    }
}
