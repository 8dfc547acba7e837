package lvsdirector.ipvs.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncCodecTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void captureHasTheDatagramsTheDocDescribes() throws Exception {
        List<byte[]> datagrams = CapturedDatagrams.load();
        assertThat(datagrams).extracting(d -> d.length).containsExactly(1448, 224, 100, 44, 44);
    }

    @Test
    void firstCapturedDatagramDecodesAsTheDocReadsIt() throws Exception {
        SyncMessage message = SyncCodec.decode(CapturedDatagrams.load().get(0));

        assertThat(message.syncId()).isEqualTo(7);
        assertThat(message.entries()).hasSize(40);
        SyncEntry template = message.entries().get(0);
        assertThat(template.protocol()).isEqualTo(6);
        assertThat(template.flags()).isEqualTo(0x1100);
        assertThat(template.isTemplate()).isTrue();
        assertThat(template.state()).isZero();
        assertThat(template.clientPort()).isZero();
        assertThat(template.virtualPort()).isEqualTo(80);
        assertThat(template.destinationPort()).isEqualTo(80);
        assertThat(template.timeoutSeconds()).isEqualTo(300);
        assertThat(template.client()).isEqualTo(ip("10.0.1.11"));
        assertThat(template.virtualAddress()).isEqualTo(ip("10.0.1.100"));
        assertThat(template.destination()).isEqualTo(ip("10.0.3.12"));
        assertThat(message.entries().get(1).state()).isEqualTo(1);
        SyncEntry connection = message.entries().get(2);
        assertThat(connection.isTemplate()).isFalse();
        assertThat(connection.clientPort()).isEqualTo(45302);
        assertThat(connection.timeoutSeconds()).isEqualTo(900);
        SyncEntry timeWait = message.entries().get(6);
        assertThat(timeWait.flags()).isEqualTo(0x0100);
        assertThat(timeWait.state()).isEqualTo(5);
        assertThat(timeWait.timeoutSeconds()).isEqualTo(120);
    }

    @Test
    void everyCapturedV1DatagramReencodesByteForByte() throws Exception {
        List<byte[]> datagrams = CapturedDatagrams.load();
        for (int i : new int[] {0, 1, 3, 4}) {
            byte[] original = datagrams.get(i);
            assertThat(SyncCodec.encode(SyncCodec.decode(original))).as("datagram %d", i).isEqualTo(original);
        }
    }

    @Test
    void templateInjectedFromUserSpaceIsOurEncoding() throws Exception {
        // the doc's §3.4 message: template 10.0.1.13 -> 10.0.1.100:80 -> 10.0.3.12:80, 300 s, sync id 7
        SyncEntry entry = SyncEntry.template(6, 0, 80, 80, 0, 300, ip("10.0.1.13"), ip("10.0.1.100"), ip("10.0.3.12"));
        byte[] encoded = SyncCodec.encode(new SyncMessage(7, List.of(entry)));

        assertThat(HEX.formatHex(encoded)).isEqualTo("0007002c01010000" + "00060024000010000000000000500050"
                + "000000000000012c0a00010d0a0001640a00030c");
        assertThat(CapturedDatagrams.load().get(3)).isEqualTo(encoded);
    }

    @Test
    void capturedV0DatagramIsRefusedAsNotV1() throws Exception {
        byte[] v0 = CapturedDatagrams.load().get(2);
        assertThatThrownBy(() -> SyncCodec.decode(v0))
                .isInstanceOf(SyncFormatException.class)
                .hasMessageContaining("not a v1 sync message (reserved=4, version=");
    }

    @Test
    void ipv6EntriesWithOptionsRoundTrip() throws Exception {
        SyncEntry v6 = new SyncEntry(17, 0, 0, 5353, 53, 53, 0, 300, ip("2001:db8::10"), ip("2001:db8::1"),
                ip("2001:db8:2::11"), List.of(new SyncOption(SyncOption.PE_NAME, "sip".getBytes()),
                new SyncOption(SyncOption.PE_DATA | SyncOption.OPTIONAL_BIT, new byte[] {1, 2, 3, 4, 5})));
        SyncEntry fwmark = SyncEntry.template(0, 1, 0, 0, 1, 299, ip("10.0.1.10"), ip("0.0.0.1"), ip("10.0.3.12"));
        SyncMessage message = new SyncMessage(200, List.of(v6, fwmark));

        byte[] encoded = SyncCodec.encode(message);

        assertThat(encoded).hasSize(8 + 72 + 5 + 7 + 36);
        assertThat(SyncCodec.decode(encoded)).isEqualTo(message);
        assertThat(SyncCodec.decode(encoded).entries().get(0).ipv6()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 7})
    void headerCutShortIsTruncated(int length) {
        assertThatThrownBy(() -> SyncCodec.decode(new byte[length]))
                .isInstanceOf(SyncFormatException.class)
                .hasMessage("truncated sync message: " + length + " bytes, the v1 header alone needs 8");
    }

    @Test
    void sizeFieldMustMatchTheDatagram() throws Exception {
        byte[] shorter = Arrays.copyOf(CapturedDatagrams.load().get(3), 40);
        assertThatThrownBy(() -> SyncCodec.decode(shorter))
                .hasMessage("size field says 44 bytes but the datagram has 40");
    }

    @Test
    void entryCountBeyondTheDataIsTruncated() throws Exception {
        byte[] lying = CapturedDatagrams.load().get(3).clone();
        lying[4] = 2;
        assertThatThrownBy(() -> SyncCodec.decode(lying))
                .hasMessage("truncated entry 1 at offset 44: the message ends at 44");
    }

    @Test
    void entryLargerThanTheMessageIsTruncated() throws Exception {
        byte[] lying = CapturedDatagrams.load().get(3).clone();
        lying[11] = 40;
        assertThatThrownBy(() -> SyncCodec.decode(lying))
                .hasMessage("truncated entry 0 at offset 8: it needs 40 bytes but the message ends at 44");
    }

    @Test
    void entryVersionOtherThanZeroIsRefused() throws Exception {
        byte[] bad = CapturedDatagrams.load().get(3).clone();
        bad[10] = 0x10;
        assertThatThrownBy(() -> SyncCodec.decode(bad)).hasMessage("entry 0 at offset 8 has entry version 1, only 0 exists");
    }

    @Test
    void entrySmallerThanItsFixedPartIsRefused() throws Exception {
        byte[] bad = CapturedDatagrams.load().get(3).clone();
        bad[8] = 1;
        assertThatThrownBy(() -> SyncCodec.decode(bad))
                .hasMessage("entry 0 at offset 8 declares 36 bytes, an IPv6 entry needs at least 72");
    }

    @Test
    void unknownMandatoryOptionIsRefused() throws Exception {
        SyncEntry entry = new SyncEntry(6, 0, 1, 1000, 80, 80, 0, 900, ip("10.0.0.2"), ip("10.0.0.1"),
                ip("10.0.0.3"), List.of(new SyncOption(9, new byte[2])));
        byte[] encoded = SyncCodec.encode(new SyncMessage(1, List.of(entry)));
        assertThatThrownBy(() -> SyncCodec.decode(encoded))
                .hasMessage("entry 0 at offset 8: unknown mandatory option type 9 at offset 44");
    }

    @Test
    void trailingBytesAreRefused() throws Exception {
        byte[] captured = CapturedDatagrams.load().get(3);
        byte[] longer = Arrays.copyOf(captured, 48);
        longer[3] = 48;
        assertThatThrownBy(() -> SyncCodec.decode(longer))
                .hasMessage("4 unexpected bytes after the last of 1 entries at offset 44");
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
