package lvsdirector.check.lib.radius;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import lvsdirector.check.CheckResult;
import lvsdirector.check.CheckResult.FailureReason;
import lvsdirector.check.OnContext;
import lvsdirector.check.lib.RadiusCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RadiusProberTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static Vertx vertx;
    private static RadiusProber prober;
    private FakeRadiusServer server;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        prober = new RadiusProber(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @BeforeEach
    void server() throws Exception {
        server = new FakeRadiusServer("s3cret", "alice", "a rather long password of 30 b");
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    private CheckResult probe(String secret, String user, String password, Duration timeout) {
        return OnContext.await(vertx, () -> prober.probe(new RadiusCheck(LOOPBACK, server.port(), secret, user,
                password, timeout)));
    }

    @Test
    void acceptWithTheRightSecretAndCredentialsIsUp() {
        CheckResult result = probe("s3cret", "alice", "a rather long password of 30 b", Duration.ofSeconds(2));
        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.message()).startsWith("Access-Accept");
    }

    @Test
    void rejectIsDown() {
        CheckResult result = probe("s3cret", "alice", "wrong", Duration.ofSeconds(2));
        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("Access-Reject");
    }

    @Test
    void requestCarriesNasAddressAndAValidMessageAuthenticator() throws Exception {
        probe("s3cret", "alice", "x", Duration.ofSeconds(2));
        byte[] request = server.lastRequest.get();
        assertThat(FakeRadiusServer.attribute(request, 4)).containsExactly(127, 0, 0, 1);
        byte[] claimed = FakeRadiusServer.attribute(request, 80);
        byte[] zeroed = request.clone();
        int at = indexOf(zeroed, claimed);
        Arrays.fill(zeroed, at, at + 16, (byte) 0);
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec("s3cret".getBytes(), "HmacMD5"));
        assertThat(mac.doFinal(zeroed)).containsExactly(claimed);
    }

    @Test
    void wrongSecretNeverVerifiesAndTimesOut() {
        // the server answers with its own secret; our check of the Response Authenticator must refuse it
        CheckResult result = probe("other", "alice", "a rather long password of 30 b", Duration.ofMillis(600));
        assertThat(result.success()).isFalse();
        assertThat(result.reason()).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void forgedResponseAuthenticatorIsIgnored() {
        server.forgeAuthenticator = true;
        CheckResult result = probe("s3cret", "alice", "a rather long password of 30 b", Duration.ofMillis(600));
        assertThat(result.success()).isFalse();
        assertThat(result.reason()).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void silentServerFailsWithinTheTimeout() {
        server.silent = true;
        long start = System.nanoTime();
        CheckResult result = probe("s3cret", "alice", "x", Duration.ofMillis(500));
        assertThat(result.success()).isFalse();
        assertThat(result.message()).isEqualTo("500 Timeout Alarm");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(4));
    }

    @Test
    void passwordHidingMatchesRfc2865() throws Exception {
        byte[] secret = "xyzzy5461".getBytes();
        byte[] ra = new byte[16];
        for (int i = 0; i < 16; i++) {
            ra[i] = (byte) i;
        }
        byte[] hidden = RadiusPacket.hidePassword("pw".getBytes(), secret, ra);
        assertThat(hidden).hasSize(16);
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update(secret);
        md5.update(ra);
        byte[] pad = md5.digest();
        assertThat((byte) (hidden[0] ^ pad[0])).isEqualTo((byte) 'p');
        assertThat((byte) (hidden[2] ^ pad[2])).isZero();
        assertThat(RadiusPacket.hidePassword(new byte[17], secret, ra)).hasSize(32);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
