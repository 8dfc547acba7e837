package lvsdirector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lvsdirector.support.ProcessCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may read the endpoint: socket owners from (fake) /proc/net/tcp texts, and over real loopback HTTP. */
class EndpointAccessTest {
    private static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    /** Little-endian tables as an x86 kernel prints them: a listener, a client (uid 1000) and the server end (uid 998). */
    private static final String TCP = HEADER
            + "   0: 0100007F:2526 00000000:0000 0A 00000000:00000000 00:00000000 00000000   998        0 1268 1 0 100 0 0 10 0\n"
            + "   1: 0100007F:B26E 0100007F:2526 01 00000000:00000000 00:00000000 00000000  1000        0 4711 1 0 20 4 30 10 -1\n"
            + "   2: 0100007F:2526 0100007F:B26E 01 00000000:00000000 00:00000000 00000000   998        0 4712 1 0 20 4 30 10 -1\n"
            + "   3: 0100007F:B270 0100007F:2526 01 00000000:00000000 00:00000000 00000000     0        0 4713 1 0 20 4 30 10 -1\n";
    private static final String TCP6 = HEADER
            + "   0: 00000000000000000000000001000000:C000 00000000000000000000000001000000:2526 01 00000000:00000000 00:00000000 00000000  1001        0 9 1 0 20 4 30 10 -1\n"
            + "   1: 0000000000000000FFFF00000100007F:C001 0000000000000000FFFF00000100007F:2526 01 00000000:00000000 00:00000000 00000000  1002        0 9 1 0 20 4 30 10 -1\n";
    private static final SocketOwners OWNERS = new SocketOwners(() -> List.of(TCP, TCP6), ByteOrder.LITTLE_ENDIAN);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 9510);
    private static final InetSocketAddress SERVER6 = new InetSocketAddress("::1", 9510);

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void theClientEndOfTheConnectionNamesTheUserNotTheServerEnd() {
        assertThat(OWNERS.ownerOf(new InetSocketAddress("127.0.0.1", 45678), SERVER)).isEqualTo(OptionalInt.of(1000));
        assertThat(OWNERS.ownerOf(new InetSocketAddress("127.0.0.1", 45680), SERVER)).isEqualTo(OptionalInt.of(0));
        assertThat(OWNERS.ownerOf(new InetSocketAddress("::1", 49152), SERVER6)).isEqualTo(OptionalInt.of(1001));
        // an IPv6 socket talking IPv4-mapped: Java sees plain IPv4 addresses
        assertThat(OWNERS.ownerOf(new InetSocketAddress("127.0.0.1", 49153), SERVER)).isEqualTo(OptionalInt.of(1002));
        assertThat(OWNERS.ownerOf(new InetSocketAddress("127.0.0.1", 50000), SERVER)).isEmpty();
        assertThat(OWNERS.ownerOf(new InetSocketAddress("127.0.0.1", 45678), new InetSocketAddress("127.0.0.1", 9511))).isEmpty();
    }

    @Test
    void rootTheDirectorsUserAndTheStatusGroupAreServedOthersGetTheReason() {
        EndpointAccess access = new EndpointAccess(998, Optional.of("lvs-monitor"), OWNERS,
                Map.of("lvs-monitor", Set.of(1001))::get);
        assertThat(access.decide(new InetSocketAddress("127.0.0.1", 45680), SERVER).allowed()).as("root").isTrue();
        assertThat(access.decide(new InetSocketAddress("::1", 49152), SERVER6).allowed()).as("group member").isTrue();
        EndpointAccess.Decision other = access.decide(new InetSocketAddress("127.0.0.1", 45678), SERVER);
        assertThat(other.allowed()).isFalse();
        assertThat(other.reason()).isEqualTo("forbidden: the connection belongs to uid 1000; allowed are root, the "
                + "director's user (uid 998) and members of group lvs-monitor (status_group in lvs-director.conf)\n");

        EndpointAccess ownerOnly = new EndpointAccess(1000, Optional.empty(), OWNERS, g -> Set.of());
        assertThat(ownerOnly.decide(new InetSocketAddress("127.0.0.1", 45678), SERVER).allowed()).as("own uid").isTrue();
        assertThat(ownerOnly.decide(new InetSocketAddress("::1", 49152), SERVER6).reason())
                .contains("uid 1001").doesNotContain("group");
    }

    @Test
    void anUnattributableLoopbackConnectionIsRefusedARemotePeerIsLeftToTheFirewall() {
        EndpointAccess access = new EndpointAccess(998, Optional.empty(), OWNERS, g -> Set.of());
        EndpointAccess.Decision loopback = access.decide(new InetSocketAddress("127.0.0.1", 50000), SERVER);
        assertThat(loopback.allowed()).isFalse();
        assertThat(loopback.reason()).contains("cannot tell which local user opened the connection from 127.0.0.1 port 50000");
        InetSocketAddress remote = new InetSocketAddress("192.0.2.7", 50000);
        assertThat(access.decide(remote, new InetSocketAddress("192.0.2.1", 9510)).allowed()).isTrue();
    }

    @Test
    void overRealLoopbackTheOwnUserIsServedAndAForeignOwnerGets403WithTheReason() throws Exception {
        int ownUid = ProcessCredentials.current().uid();
        EndpointAccess real = new EndpointAccess(ownUid, Optional.empty(), SocketOwners.system(), g -> Set.of());
        assertThat(get(real, "/metrics").statusCode()).isEqualTo(200);

        // the real socket tables, every owner replaced: the test's own connection then belongs to uid 4242
        SocketOwners foreign = new SocketOwners(() -> SocketOwners.systemTables().stream()
                .map(table -> table.replaceAll("(?m)^(\\s*\\S+(?:\\s+\\S+){6}\\s+)\\d+", "$14242")).toList(),
                ByteOrder.nativeOrder());
        EndpointAccess refusing = new EndpointAccess(ownUid == 4243 ? 4244 : 4243, Optional.empty(), foreign, g -> Set.of());
        HttpResponse<String> refused = get(refusing, "/status");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).startsWith("forbidden: the connection belongs to uid 4242;");
    }

    private HttpResponse<String> get(EndpointAccess access, String path) throws Exception {
        DirectorMetrics metrics = new DirectorMetrics(Clock.systemUTC());
        StatusReport report = new StatusReport("running", java.time.Instant.now(), List.of(), StatusReport.NOT_AVAILABLE,
                StatusReport.NOT_AVAILABLE);
        StatusHttpServer server = StatusHttpServer.start(vertx, HttpEndpoint.loopback(0), metrics, () -> report, access)
                .await(10, TimeUnit.SECONDS);
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .timeout(Duration.ofSeconds(10)).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            server.close();
        }
    }
}
