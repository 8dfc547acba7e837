package lvsdirector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import lvsdirector.config.ConfigLocator;
import lvsdirector.daemon.ControlClient;
import lvsdirector.daemon.DaemonOptions;
import lvsdirector.daemon.DirectorDaemon;
import lvsdirector.metrics.HttpEndpoint;
import lvsdirector.state.StateSettings;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page as a browser shows it: a daemon (in-memory IPVS, real checks of loopback servers, one
 * of them down) serves the page, Debian's headless Chromium loads it, runs its script (which fetches
 * /status) and we read the resulting DOM and a screenshot. The screenshot is kept under
 * target/status-page/ as a test artifact.
 */
@Timeout(180)
class StatusPageIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final Path ARTIFACTS = Path.of(System.getProperty("project.basedir", "."), "target", "status-page");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private LoopbackServer a;
    private LoopbackServer b;
    private DirectorDaemon daemon;
    private Thread runner;
    private Path socket;
    private Path procDrbd;

    private void drbd(String state) throws IOException {
        Files.writeString(procDrbd, "version: 8.4.11 (api:1/proto:86-101)\n 0: " + state + "\n");
    }

    @BeforeEach
    void start() throws Exception {
        RealParts.assume(RealParts.executable(CHROMIUM), "chromium (Debian package chromium)");
        a = LoopbackServer.start("alive A");
        b = LoopbackServer.start("alive B");
        Path config = dir.resolve("page.cf");
        Files.writeString(config, "checktimeout=5\nnegotiatetimeout=5\ncheckinterval=1\nquiescent=yes\n"
                + "logfile=\"" + dir.resolve("ldirectord.log") + "\"\n\n"
                + "virtual=192.0.2.1:80\n"
                + "\treal=127.0.0.1:" + a.port() + " masq 2\n"
                + "\treal=127.0.0.1:" + b.port() + " masq 3\n"
                + "\tservice=http\n\trequest=\"/\"\n\treceive=\"alive\"\n\n"
                + "virtual=192.0.2.2:80\n"
                + "\treal=127.0.0.1:" + a.port() + " masq 1\n"
                + "\tchecktype=connect\n");
        ConfigLocator.Location location = new ConfigLocator(List.of()).locate(Optional.of(config.toString()));
        socket = DaemonOptions.controlSocket(dir.resolve("run"), location.cfgName());
        // a DRBD state directory as /proc shows it on the Primary: r0 connected, mounted on dir/state
        procDrbd = dir.resolve("proc-drbd");
        drbd("cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----");
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("proc-mounts"), "/dev/drbd0 " + dir.resolve("state") + " ext4 rw,relatime 0 0\n");
        // a running heartbeat peer of this project as its status files show it (its pid: ours, alive)
        Path peer = Files.createDirectories(dir.resolve("heartbeat"));
        Files.writeString(peer.resolve("lvsd-heartbeat.pid"), ProcessHandle.current().pid() + "\n");
        Files.writeString(peer.resolve("lvsd-nodestatus"), "page-node active\nnodeb up\n");
        Files.writeString(peer.resolve("lvsd-rscstatus"), "local\n");
        daemon = Components.daemon(new DaemonOptions(location, "memory", false, dir.resolve("run"), null, false))
                .withHttpEndpoint(Optional.of(HttpEndpoint.loopback(0)))
                .withStateSettings(new StateSettings(dir.resolve("state"), dir.resolve("local"), "r0",
                        Path.of("/dev/drbd0"), procDrbd, dir.resolve("proc-mounts"), "page-node"))
                .withHeartbeatSource(Components.heartbeatSource(java.util.Map.of("LVS_DIRECTOR_HEARTBEAT_DIR",
                        peer.toString())));
        runner = new Thread(daemon::run, "status-page-daemon");
        runner.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop("TERM");
            runner.join(30_000);
        }
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void theBrowserShowsVirtualsRealsAndHealth() throws Exception {
        b.down();
        await().atMost(Duration.ofSeconds(30)).until(() -> java.nio.file.Files.exists(socket));
        assertThat(ControlClient.request(socket, List.of("drain", "tester", "--virtual=tcp:192.0.2.2:80",
                "127.0.0.1:" + a.port())).status()).isZero();
        assertThat(ControlClient.request(socket, List.of("weight", "tester", "--virtual=192.0.2.1:80",
                "127.0.0.1:" + a.port(), "4")).status()).isZero();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> realHealth("tcp:192.0.2.1:80", 0).equals("up") && realHealth("tcp:192.0.2.1:80", 1).equals("down")
                        && realHealth("tcp:192.0.2.2:80", 0).equals("up"));
        String url = "http://127.0.0.1:" + daemon.httpPort() + "/";

        String dom = chromium("--dump-dom", url);
        String web = section(dom, "tcp:192.0.2.1:80");
        assertThat(web).contains("1 of 2 reals up")
                .contains(row(a.port(), "up", "4<span class=\"sub\">override 4</span>"))
                .contains(row(b.port(), "down", "0"))
                .contains("<td>refused<span class=\"sub\">");
        assertThat(section(dom, "tcp:192.0.2.2:80")).contains("1 of 1 reals up")
                .contains("<td class=\"nowrap\">127.0.0.1:" + a.port() + "</td><td><span class=\"badge up\">up</span>"
                        + "<span class=\"badge drained\">drained</span></td><td class=\"num\">0</td>");
        assertThat(dom).contains("daemon <b id=\"daemon\">running</b>")
                .contains("heartbeat <b id=\"heartbeat\">active (page-node; peer nodeb up; resources: local)</b>")
                .contains("DRBD <b id=\"drbd\">Primary r0 (Connected)</b>")
                .contains("<div id=\"error\" style=\"display: none;\"></div>");
        String state = stateSection(dom);
        assertThat(state).contains("<span class=\"badge shared\">shared</span>")
                .doesNotContain("split brain")
                .contains("<dd id=\"state-detail\">Primary r0, " + dir.resolve("state") + "</dd>")
                .contains("<dd id=\"state-drbd\">r0 (minor 0): cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate</dd>")
                .doesNotContain("none by this director")
                // drain and weight: two writes of overrides.json; owner.json once when the directory became ours
                .containsPattern("<tr data-file=\"overrides.json\"><td>overrides.json</td><td class=\"num\">2</td>"
                        + "<td class=\"muted\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d</td><td>page-node</td></tr>")
                .contains("<tr data-file=\"owner.json\"><td>owner.json</td><td class=\"num\">1</td>");

        // the peer DRBD node wrote while disconnected: StandAlone is shown as split brain within a refresh
        drbd("cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown   r-----");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> status().getJsonObject("stateDirectory").getBoolean("splitBrain"));
        String split = stateSection(chromium("--dump-dom", url));
        assertThat(split).contains("<span class=\"badge splitbrain\">split brain</span>")
                .contains("<dd id=\"state-drbd\">r0 (minor 0): cs:StandAlone ro:Primary/Unknown ds:UpToDate/DUnknown</dd>")
                .contains("<dd id=\"state-splitbrain\">DRBD is StandAlone");

        Files.createDirectories(ARTIFACTS);
        Path png = ARTIFACTS.resolve("status-page.png");
        Files.deleteIfExists(png);
        chromium("--window-size=1100,900", "--screenshot=" + png, url);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(hasColour(image, 0x1a7f37)).as("a green 'up' badge in the screenshot").isTrue();
        assertThat(hasColour(image, 0xcf222e)).as("a red 'down' badge in the screenshot").isTrue();
        assertThat(hasColour(image, 0x8250df)).as("a purple 'drained' badge in the screenshot").isTrue();
        Files.writeString(ARTIFACTS.resolve("status-page.html"), dom);
        System.out.println("status page screenshot: " + png.toAbsolutePath());
    }

    private static String row(int port, String health, String weight) {
        return "<td class=\"nowrap\">127.0.0.1:" + port + "</td><td><span class=\"badge " + health + "\">" + health
                + "</span></td><td class=\"num\">" + weight + "</td>";
    }

    private static String stateSection(String dom) {
        int start = dom.indexOf("<section class=\"state\" id=\"state\"");
        assertThat(start).as("the state directory section in the rendered page").isNotNegative();
        return dom.substring(start, dom.indexOf("</section>", start));
    }

    private JsonObject status() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.httpPort() + "/status"))
                .timeout(Duration.ofSeconds(20)).build();
        return new JsonObject(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String section(String dom, String id) {
        int start = dom.indexOf("<section class=\"virtual\" data-id=\"" + id + "\">");
        assertThat(start).as("section of %s in the rendered page", id).isNotNegative();
        return dom.substring(start, dom.indexOf("</section>", start));
    }

    private String realHealth(String virtual, int index) throws Exception {
        if (daemon.httpPort() < 0) {
            return "?";
        }
        JsonObject status = status();
        for (Object v : status.getJsonArray("virtuals")) {
            JsonObject virtualJson = (JsonObject) v;
            if (virtualJson.getString("id").equals(virtual)) {
                return virtualJson.getJsonArray("reals").getJsonObject(index).getString("health");
            }
        }
        return "?";
    }

    private static boolean hasColour(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs headless Chromium on the page with a virtual-time budget, so the page's fetch of /status and
     * its rendering finish before the DOM is dumped or the screenshot taken. Returns stdout.
     */
    private String chromium(String... arguments) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium");
        List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
        command.addAll(List.of(arguments));
        Path out = dir.resolve("chromium.out");
        Path err = dir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            boolean exited = process.waitFor(90, TimeUnit.SECONDS);
            assertThat(exited).as("chromium finished within 90 s; stderr:%n%s", tail(err)).isTrue();
            assertThat(process.exitValue()).as("chromium exit status; stderr:%n%s", tail(err)).isZero();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
