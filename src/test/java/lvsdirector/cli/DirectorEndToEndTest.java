package lvsdirector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import lvsdirector.config.ConfigLocator;
import lvsdirector.daemon.DaemonOptions;
import lvsdirector.daemon.DirectorDaemon;
import lvsdirector.ipvs.DestinationEntry;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.memory.InMemoryIpvsBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real loopback servers: config → checks → desired table → in-memory IPVS, with
 * ldirectord's timing. Detection must take at most checkinterval + the check's timeout per failure
 * counted by failurecount (plus a small allowance for scheduling on a busy machine).
 */
@Timeout(120)
class DirectorEndToEndTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration SLACK = Duration.ofMillis(500);
    private static final ServiceKey HTTP_VIRTUAL = new ServiceKey.Address(Protocol.TCP, ip("192.0.2.1"), 80);
    private static final ServiceKey CONNECT_VIRTUAL = new ServiceKey.Address(Protocol.TCP, ip("192.0.2.2"), 80);

    @TempDir
    Path dir;

    private LoopbackServer a;
    private LoopbackServer b;
    private LoopbackServer fallback;
    private Path config;
    private DirectorDaemon daemon;
    private Thread runner;

    @BeforeEach
    void start() throws Exception {
        a = LoopbackServer.start("alive A");
        b = LoopbackServer.start("alive B");
        fallback = LoopbackServer.start("sorry");
        config = dir.resolve("e2e.cf");
        Files.writeString(config, configText(3));
        ConfigLocator.Location location = new ConfigLocator(List.of()).locate(Optional.of(config.toString()));
        daemon = Components.daemon(new DaemonOptions(location, "memory", false, dir.resolve("run"), null, false));
        runner = new Thread(daemon::run, "e2e-daemon");
        runner.start();
        awaitTable(HTTP_VIRTUAL, Map.of(a.port(), 2, b.port(), 3), Duration.ofSeconds(30));
        awaitTable(CONNECT_VIRTUAL, Map.of(a.port(), 1), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            daemon.stop("TERM");
            runner.join(30_000);
        }
        a.close();
        b.close();
        fallback.close();
    }

    private String configText(int weightOfB) {
        return "checktimeout=1\nnegotiatetimeout=1\ncheckinterval=1\nquiescent=no\n"
                + "logfile=\"" + dir.resolve("ldirectord.log") + "\"\n\n"
                + "virtual=192.0.2.1:80\n"
                + "\treal=127.0.0.1:" + a.port() + " masq 2\n"
                + "\treal=127.0.0.1:" + b.port() + " masq " + weightOfB + "\n"
                + "\tfallback=127.0.0.1:" + fallback.port() + " masq\n"
                + "\tservice=http\n\trequest=\"/\"\n\treceive=\"alive\"\n\tquiescent=yes\n\n"
                + "virtual=192.0.2.2:80\n"
                + "\treal=127.0.0.1:" + a.port() + " masq 1\n"
                + "\tchecktype=connect\n\tfailurecount=2\n";
    }

    @Test
    void hangingNegotiateIsQuiescedWithinIntervalPlusTimeoutAndComesBack() throws Exception {
        a.mode(LoopbackServer.Mode.HANG);
        Duration detected = awaitTable(HTTP_VIRTUAL, Map.of(a.port(), 0, b.port(), 3), INTERVAL.plus(TIMEOUT).plus(SLACK));
        System.out.println("e2e: negotiate check, hanging server quiesced after " + detected.toMillis() + " ms");
        assertThat(table(CONNECT_VIRTUAL)).as("a connect check still succeeds on a hanging server")
                .isEqualTo(Map.of(a.port(), 1));

        a.mode(LoopbackServer.Mode.ANSWER);
        Duration restored = awaitTable(HTTP_VIRTUAL, Map.of(a.port(), 2, b.port(), 3), INTERVAL.plus(TIMEOUT).plus(SLACK));
        System.out.println("e2e: negotiate check, server restored after " + restored.toMillis() + " ms");
    }

    @Test
    void closedPortIsDetectedPerFailurecountAndFallbackServesWhenAllAreDown() throws Exception {
        a.down();
        Duration quiesced = awaitTable(HTTP_VIRTUAL, Map.of(a.port(), 0, b.port(), 3), INTERVAL.plus(TIMEOUT).plus(SLACK));
        Duration removed = awaitTable(CONNECT_VIRTUAL, Map.of(), INTERVAL.plus(TIMEOUT).multipliedBy(2).plus(SLACK));
        System.out.println("e2e: refused, quiesced after " + quiesced.toMillis() + " ms; connect check with failurecount=2 removed "
                + removed.toMillis() + " ms later");

        b.down();
        awaitTable(HTTP_VIRTUAL, Map.of(a.port(), 0, b.port(), 0, fallback.port(), 1), INTERVAL.plus(TIMEOUT).plus(SLACK));

        a.up();
        b.up();
        awaitTable(HTTP_VIRTUAL, Map.of(a.port(), 2, b.port(), 3), INTERVAL.plus(TIMEOUT).plus(SLACK));
        awaitTable(CONNECT_VIRTUAL, Map.of(a.port(), 1), INTERVAL.plus(TIMEOUT).plus(SLACK));

        assertThat(Files.readString(dir.resolve("ldirectord.log")))
                .contains("] Quiescent real server: 127.0.0.1:" + a.port() + " (192.0.2.1:80) (Weight set to 0)")
                .contains("] Soft failure real server: 127.0.0.1:" + a.port() + " (tcp:192.0.2.2:80) failure 1/2")
                .contains("] Deleted real server: 127.0.0.1:" + a.port() + " (192.0.2.2:80)")
                .contains("] Added fallback server: 127.0.0.1:" + fallback.port() + " (192.0.2.1:80) (Weight set to 1)")
                .contains("] Deleted fallback server: 127.0.0.1:" + fallback.port() + " (192.0.2.1:80)")
                .contains("] Resetting soft failure count: 127.0.0.1:" + a.port() + " (tcp:192.0.2.2:80)");
    }

    @Test
    void autoreloadNoticesAChangedFileWithinOneCheckInterval() throws Exception {
        Path callback = dir.resolve("callback.sh");
        Path calls = dir.resolve("callback.calls");
        Files.writeString(callback, "#!/bin/sh\necho \"$@\" >> " + calls + "\n");
        callback.toFile().setExecutable(true);
        String head = "autoreload=yes\ncallback=\"" + callback + "\"\n";
        Files.writeString(config, head + configText(3));
        daemon.reload().toCompletionStage().toCompletableFuture().get();
        Thread.sleep(1100);
        Files.writeString(config, head + configText(6));
        Duration noticed = awaitTable(HTTP_VIRTUAL, Map.of(a.port(), 2, b.port(), 6), INTERVAL.plus(SLACK));
        System.out.println("e2e: autoreload applied a changed weight after " + noticed.toMillis() + " ms");
        assertThat(Files.readString(dir.resolve("ldirectord.log")))
                .contains("] Configuration file '" + config + "' has changed on disk")
                .contains("]  - reread new configuration");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(Files.readString(calls)).as("callback runs with the config path").isEqualTo(config + "\n"));
    }

    @Test
    void reloadChangingOneRealAppliesExactlyThatRealsOperation() throws Exception {
        InMemoryIpvsBackend backend = (InMemoryIpvsBackend) daemon.backend();
        int before = backend.appliedOperations().size();
        Files.writeString(config, configText(4));
        daemon.reload().toCompletionStage().toCompletableFuture().get();
        List<IpvsOperation> applied = backend.appliedOperations();
        assertThat(applied.subList(before, applied.size())).singleElement()
                .isInstanceOfSatisfying(IpvsOperation.EditDestination.class, edit -> {
                    assertThat(edit.service()).isEqualTo(HTTP_VIRTUAL);
                    assertThat(edit.destination().port()).isEqualTo(b.port());
                    assertThat(edit.destination().weight()).isEqualTo(4);
                });

        int afterFirst = backend.appliedOperations().size();
        daemon.reload().toCompletionStage().toCompletableFuture().get();
        assertThat(backend.appliedOperations()).as("a reload of an unchanged file").hasSize(afterFirst);
    }

    @Test
    void aReloadWithAnErrorIsRejectedAndTheRunningConfigStays() throws Exception {
        InMemoryIpvsBackend backend = (InMemoryIpvsBackend) daemon.backend();
        int before = backend.appliedOperations().size();
        Files.writeString(config, configText(4).replace("checkinterval=1", "checkinterval=1\nbogus=1"));
        assertThat(daemon.reload().toCompletionStage().toCompletableFuture()).failsWithin(Duration.ofSeconds(10));
        assertThat(backend.appliedOperations()).hasSize(before);
        assertThat(Files.readString(dir.resolve("ldirectord.log")))
                .contains("reading file " + config + " at line 4: Unknown command bogus=1");
        a.down();
        awaitTable(HTTP_VIRTUAL, Map.of(a.port(), 0, b.port(), 3), INTERVAL.plus(TIMEOUT).plus(SLACK));
    }

    @Test
    void stopPurgesTheVirtualsWithCleanstop() throws Exception {
        daemon.stop("TERM");
        runner.join(30_000);
        assertThat(daemon.backend().services()).isEmpty();
        assertThat(Files.readString(dir.resolve("ldirectord.log")))
                .contains("] Purged virtual server (stop): 192.0.2.1:80")
                .contains("] Linux Director Daemon terminated on signal: TERM");
        daemon = null;
    }

    /** Waits until the virtual's destinations (port → weight) are exactly {@code expected}; returns how long it took. */
    private Duration awaitTable(ServiceKey virtual, Map<Integer, Integer> expected, Duration atMost) {
        long started = System.nanoTime();
        await().atMost(atMost).pollInterval(Duration.ofMillis(20)).until(() -> table(virtual).equals(expected));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private Map<Integer, Integer> table(ServiceKey virtual) throws Exception {
        Map<Integer, Integer> weights = new TreeMap<>();
        if (daemon.backend() == null) {
            return Map.of(-1, -1);
        }
        for (DestinationEntry d : daemon.backend().destinations(virtual)) {
            weights.put(d.destination().port(), d.destination().weight());
        }
        return weights;
    }

    private static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
