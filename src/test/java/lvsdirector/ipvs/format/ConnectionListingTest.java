package lvsdirector.ipvs.format;

import static lvsdirector.ipvs.format.CapturedListingsTest.captured;
import static lvsdirector.ipvs.format.CapturedTable.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * The proc-ip_vs_conn-of-*.txt fixtures hold the entries of the two captured -c listings in the kernel's
 * /proc/net/ip_vs_conn text format (the captured proc file itself was taken a little later, with more entries).
 */
class ConnectionListingTest {

    @Test
    void connectionListing() throws Exception {
        List<ConnectionEntry> entries = ProcConnections.parse(captured("proc-ip_vs_conn-of-L-n-c.txt"));
        assertThat(ConnectionRenderer.render(entries, false)).isEqualTo(captured("L-n-c.txt"));
    }

    @Test
    void connectionListingWithPersistenceEngineColumns() throws Exception {
        List<ConnectionEntry> entries = ProcConnections.parse(captured("proc-ip_vs_conn-of-L-n-c-persistent-conn.txt"));
        assertThat(ConnectionRenderer.render(entries, true)).isEqualTo(captured("L-n-c-persistent-conn.txt"));
    }

    @Test
    void readsTheCapturedKernelFile() throws Exception {
        List<ConnectionEntry> entries = ProcConnections.parse(captured("proc-ip_vs_conn.txt"));
        assertThat(entries).hasSize(73);
        assertThat(entries.get(0)).isEqualTo(new ConnectionEntry("TCP", ip("10.0.1.10"), 51106, ip("10.0.1.100"), 80,
                ip("10.0.2.12"), 80, "TIME_WAIT", 93, null, null));
        assertThat(entries).filteredOn(ConnectionEntry::hasPersistenceData).extracting(ConnectionEntry::peData)
                .containsExactly("a84b4c76e66710@client.test");
        assertThat(ConnectionRenderer.render(entries.subList(3, 4), false)).endsWith(
                "UDP 04:42  UDP         [fd00:1::10]:35511 [fd00:1::100]:53   [fd00:2::13]:53\n");
    }

    @Test
    void rejectsWhatIsNotAConnectionEntry() {
        String title = "Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n";
        assertThatThrownBy(() -> ProcConnections.parse(title + "TCP 0A00010A C7A2 0A000164\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 2 of ip_vs_conn: expected 9 or 11 fields, found 4");
        assertThatThrownBy(() -> ProcConnections.parse(title + "TCP 0A00010Z C7A2 0A000164 0050 0A00020C 0050 X 9\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 2 of ip_vs_conn:");
        assertThatThrownBy(() -> ProcConnections.parse(title + "TCP fd00:zz C7A2 0A000164 0050 0A00020C 0050 X 9\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 2 of ip_vs_conn:");
        assertThat(ProcConnections.parse(title)).isEmpty();
    }
}
