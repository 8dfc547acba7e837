package lvsdirector.ipvs.sync;

import static lvsdirector.ipvs.sync.SyncCodecTest.ip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import org.junit.jupiter.api.Test;

/** Texts as the UML kernel printed them (drbd-sync.md §3.5, logs/sync-fwmark.log, ipvs-sync-run1.log). */
class ConnectionTableReaderTest {
    private static final String CONN_SYNC = """
            Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Origin Expires
            IP  0A00010A 0000 00000001 0000 0A00030C 0000 ASSURED     LOCAL      299
            TCP 0A00010A A35C 0A000164 0050 0A00030C 0050 TIME_WAIT   LOCAL      119
            IP  0A00010B 0000 00000001 0000 0A00030C 0050 NONE        SYNC       299
            """;
    private static final String CONN = """
            Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData
            TCP 0A000110 B262 0A000164 0050 0A00020B 0050 TIME_WAIT       117
            TCP 0A00010C 0000 0A000164 0050 0A00030C 0050 ASSURED         294
            UDP 2001:0db8:0000:0000:0000:0000:0000:0010 0000 2001:0db8:0000:0000:0000:0000:0000:0001 0035 2001:0db8:0000:0000:0000:0000:0002:0011 0035 NONE 60 sip abc
            """;

    @Test
    void syncFileRowsCarryTheirOrigin() throws Exception {
        List<ConnectionRow> rows = ConnectionTableReader.parse(CONN_SYNC);

        assertThat(rows).hasSize(3);
        ConnectionRow conn = rows.get(1);
        assertThat(conn).isEqualTo(new ConnectionRow("TCP", ip("10.0.1.10"), 0xA35C, ip("10.0.1.100"), 80,
                ip("10.0.3.12"), 80, "TIME_WAIT", Optional.of("LOCAL"), 119));
        assertThat(rows.get(2).origin()).contains("SYNC");
        assertThat(rows).extracting(ConnectionRow::isTemplate).containsExactly(true, false, true);
    }

    @Test
    void fwmarkTemplatesBecomeTemplatesOfTheMarkWithAbsoluteExpiry() throws Exception {
        List<PersistenceTemplate> templates =
                ConnectionTableReader.templates(ConnectionTableReader.parse(CONN_SYNC), 1_000_000L);

        assertThat(templates).containsExactly(
                new PersistenceTemplate(TemplateProtocol.IP, ip("10.0.1.10"), ip("0.0.0.1"), 0, 1, ip("10.0.3.12"), 0,
                        "ASSURED", 1_299_000L),
                new PersistenceTemplate(TemplateProtocol.IP, ip("10.0.1.11"), ip("0.0.0.1"), 0, 1, ip("10.0.3.12"), 80,
                        "NONE", 1_299_000L));
        assertThat(templates.get(0).service()).isEqualTo(new ServiceKey.Fwmark(1, false));
    }

    @Test
    void plainFileWithIpv6AndPersistenceEngineColumns() throws Exception {
        List<ConnectionRow> rows = ConnectionTableReader.parse(CONN);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).origin()).isEmpty();
        assertThat(rows.get(0).expiresSeconds()).isEqualTo(117);
        ConnectionRow v6 = rows.get(2);
        assertThat(v6.client()).isEqualTo(ip("2001:db8::10"));
        assertThat(v6.virtualPort()).isEqualTo(53);
        assertThat(v6.expiresSeconds()).isEqualTo(60);

        List<PersistenceTemplate> templates = ConnectionTableReader.templates(rows, 0);
        assertThat(templates).hasSize(2);
        assertThat(templates.get(0).service())
                .isEqualTo(new ServiceKey.Address(Protocol.TCP, ip("10.0.1.100"), 80));
        assertThat(templates.get(0).expiresAtMs()).isEqualTo(294_000L);
        assertThat(templates.get(1).service())
                .isEqualTo(new ServiceKey.Address(Protocol.UDP, ip("2001:db8::1"), 53));
    }

    @Test
    void emptyTableHasNoRows() throws Exception {
        assertThat(ConnectionTableReader.parse("Pro FromIP   FPrt ToIP     TPrt DestIP   DPrt State       Expires PEName PEData\n"))
                .isEmpty();
    }

    @Test
    void malformedRowsNameTheLine() {
        assertThatThrownBy(() -> ConnectionTableReader.parse(CONN_SYNC + "TCP 0A00010A A35C\n"))
                .isInstanceOf(ConnectionTableException.class)
                .hasMessageStartingWith("line 5: 3 fields, expected at least 10");
        assertThatThrownBy(() -> ConnectionTableReader.parse(
                "TCP 0A00010Z A35C 0A000164 0050 0A00030C 0050 TIME_WAIT 119\n"))
                .hasMessageStartingWith("line 1: bad address 0A00010Z");
        assertThatThrownBy(() -> ConnectionTableReader.parse(
                "TCP 0A00010A -035 0A000164 0050 0A00030C 0050 TIME_WAIT 119\n"))
                .hasMessageStartingWith("line 1: bad port -035");
    }

    @Test
    void templateWithUnknownStateIsRefused() throws Exception {
        List<ConnectionRow> rows = ConnectionTableReader.parse(
                "TCP 0A00010A 0000 0A000164 0050 0A00030C 0050 WEIRD 119\n");
        assertThatThrownBy(() -> ConnectionTableReader.templates(rows, 0))
                .hasMessage("template with unknown state WEIRD");
    }
}
