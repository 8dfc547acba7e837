package lvsdirector.check.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import lvsdirector.check.CheckResult;
import lvsdirector.check.OnContext;
import lvsdirector.check.scheduler.ProbeDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler's dispatcher sends text specs to the text prober, not to a stand-in connect check. */
@Timeout(30)
class DispatcherRoutingTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void smtpSpecIsNegotiatedNotJustConnected() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (ProbeDispatcher dispatcher = new ProbeDispatcher(vertx);
             ScriptedServer server = new ScriptedServer(c -> c.send("554 go away\r\n").hang())) {
            CheckResult r = OnContext.await(vertx, () -> dispatcher.probe(
                    new SmtpCheck(LOOPBACK, server.port(), Duration.ofSeconds(3))));
            // a connect check would have called this server up
            assertThat(r.success()).isFalse();
            assertThat(r.message()).isEqualTo("SMTP banner is not 2xx: 554 go away");
        } finally {
            vertx.close().await();
        }
    }
}
