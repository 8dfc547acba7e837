package lvsdirector.ipvs.format;

import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.ipvs.IpvsBackend.Timeouts;
import lvsdirector.ipvs.memory.InMemoryIpvsBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Every numeric listing captured from ipvsadm 1.31, rendered from the same table in memory, byte for byte. */
public class CapturedListingsTest {

    public static String captured(String name) throws IOException {
        try (InputStream in = CapturedListingsTest.class.getResourceAsStream("/ipvsadm-formats/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "L-n.txt,                 DEFAULT,         false",
        "L-n-stats.txt,           STATS,           false",
        "L-n-exact-stats.txt,     STATS,           true",
        "L-n-rate.txt,            RATE,            false",
        "L-n-exact-rate.txt,      RATE,            true",
        "L-n-thresholds.txt,      THRESHOLDS,      false",
        "L-n-persistent-conn.txt, PERSISTENT_CONN, false",
        "L-n-tun-info.txt,        TUN_INFO,        false",
    })
    void sortedListing(String file, ListingView view, boolean exact) throws Exception {
        IpvsSnapshot snapshot = IpvsSnapshot.read(CapturedTable.build());
        assertThat(ListingRenderer.renderAll(snapshot, new ListingOptions(view, exact, true)))
                .isEqualTo(captured(file));
    }

    @Test
    void sortingDoesNotDependOnTheBackendsOrder() throws Exception {
        IpvsSnapshot snapshot = IpvsSnapshot.read(CapturedTable.buildInKernelOrder());
        assertThat(ListingRenderer.renderAll(snapshot, ListingOptions.DEFAULT)).isEqualTo(captured("L-n.txt"));
    }

    @Test
    void nosortKeepsTheKernelsOrder() throws Exception {
        IpvsSnapshot snapshot = IpvsSnapshot.read(CapturedTable.buildInKernelOrder());
        assertThat(ListingRenderer.renderAll(snapshot, new ListingOptions(ListingView.DEFAULT, false, false)))
                .isEqualTo(captured("L-n-nosort.txt"));
    }

    @Test
    void oneService() throws Exception {
        InMemoryIpvsBackend backend = CapturedTable.build();
        assertThat(ListingRenderer.renderService(IpvsSnapshot.readOne(backend, CapturedTable.WEB).orElseThrow(),
                ListingOptions.DEFAULT)).isEqualTo(captured("L-n-one-service.txt"));
        assertThat(ListingRenderer.renderService(IpvsSnapshot.readOne(backend, CapturedTable.FWM1).orElseThrow(),
                ListingOptions.DEFAULT)).isEqualTo(captured("L-n-one-fwm.txt"));
        assertThat(IpvsSnapshot.readOne(backend, CapturedTable.tcp("10.9.9.9", 80))).isEmpty();
    }

    @Test
    void save() throws Exception {
        IpvsSnapshot snapshot = IpvsSnapshot.read(CapturedTable.buildInKernelOrder());
        assertThat(SaveRenderer.render(snapshot, true)).isEqualTo(captured("S-n.txt"));
    }

    @Test
    void emptyTable() throws Exception {
        IpvsSnapshot snapshot = IpvsSnapshot.read(new InMemoryIpvsBackend());
        assertThat(ListingRenderer.renderAll(snapshot, ListingOptions.DEFAULT)).isEqualTo(captured("L-n-empty.txt"));
        assertThat(SaveRenderer.render(snapshot, true)).isEqualTo(captured("S-n-empty.txt")).isEmpty();
    }

    @Test
    void timeouts() throws Exception {
        InMemoryIpvsBackend backend = new InMemoryIpvsBackend();
        assertThat(ListingRenderer.timeouts(backend.timeouts())).isEqualTo(captured("L-timeout.txt"));
        backend.setTimeouts(new Timeouts(600, 60, 200));
        assertThat(ListingRenderer.timeouts(backend.timeouts())).isEqualTo(captured("L-timeout-set.txt"));
    }
}
