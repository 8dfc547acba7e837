package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forged, truncated, unsigned and malformed packets are rejected with a specific reason. */
class PacketDecoderTest {
    private static final TestVector SHA1 = TestVector.load().get(0);
    private static final AuthKey KEY = SHA1.authKey();
    private static final PacketDecoder DECODER = new PacketDecoder(AuthKeys.single(KEY));

    private static DecodeResult.Rejected rejected(byte[] data) {
        DecodeResult r = DECODER.decode(data);
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        return (DecodeResult.Rejected) r;
    }

    private static DecodeResult.Rejected rejected(String text) {
        return rejected(text.getBytes(ISO_8859_1));
    }

    private static Message status() {
        return Message.of(Field.string("t", "status"), Field.string("st", "up"), Field.binary("srcuuid", new byte[] {',', ':', '=', 0, '\n', 1}));
    }

    @Test
    void wrongKeyIsABadSignatureNamingTheExpectedToken() {
        PacketDecoder other = new PacketDecoder(AuthKeys.single(new AuthKey(1, AuthMethod.SHA1, "wrong")));
        DecodeResult.Rejected r = (DecodeResult.Rejected) other.decode(SHA1.payload());
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
        assertThat(r.detail()).contains("outer sha1 token " + SHA1.outerToken() + " does not match, expected ");
        assertThat(r.packet()).hasValueSatisfying(p -> assertThat(p.message().get("src")).contains("nodea"));
    }

    @Test
    void sameKeyWithAnotherMethodIsABadSignature() {
        PacketDecoder md5 = new PacketDecoder(AuthKeys.single(new AuthKey(1, AuthMethod.MD5, KEY.key())));
        assertThat(((DecodeResult.Rejected) md5.decode(SHA1.payload())).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void aChangedFieldValueBreaksTheSignature() {
        byte[] forged = SHA1.payload();
        String text = new String(forged, ISO_8859_1);
        int at = text.indexOf("st=init") + 3;
        forged[at] = 'I';
        assertThat(rejected(forged).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void aTokenInUppercaseDoesNotMatchBecauseHeartbeatComparesStrings() {
        String text = new String(SHA1.payload(), ISO_8859_1).replace(SHA1.outerToken(), SHA1.outerToken().toUpperCase());
        assertThat(rejected(text).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
    }

    @Test
    void anIndexNotInAuthkeysIsReportedAsSuch() {
        String text = new String(SHA1.payload(), ISO_8859_1).replace("42:1 " + SHA1.outerToken(), "42:2 " + SHA1.outerToken());
        DecodeResult.Rejected r = rejected(text);
        assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_AUTH_INDEX);
        assertThat(r.detail()).isEqualTo("signature uses auth index 2, which authkeys does not define");
    }

    @Test
    void theIndexInThePacketSelectsTheKey() {
        AuthKey crc = new AuthKey(3, AuthMethod.CRC, "");
        AuthKeys keys = new AuthKeys(1, Map.of(1, KEY, 3, crc));
        byte[] packet = PacketEncoder.netstring(status(), crc, true);
        assertThat(new PacketDecoder(keys).decode(packet)).isInstanceOf(DecodeResult.Accepted.class)
                .extracting(r -> ((DecodeResult.Accepted) r).key()).isEqualTo(crc);
    }

    @Test
    void everyTruncationIsRejectedAsTruncatedOrUnsigned() {
        byte[] full = SHA1.payload();
        for (int n = 0; n < full.length; n++) {
            DecodeResult.Rejected r = rejected(Arrays.copyOf(full, n));
            RejectReason expected = n == SHA1.signedLength() ? RejectReason.UNSIGNED : RejectReason.TRUNCATED;
            assertThat(r.reason()).as("cut at %d: %s", n, r.detail()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET / HTTP/1.0\\r\\n|MALFORMED|packet does not start with ###\\n",
        "###\\nx:(0)t=status,%%%\\n10:1 2398b4fb,|MALFORMED|expected field length and ':' at offset 4, found \"x:(0)t=s\"",
        "###\\n10:(0)t=status,%%%\\n10:1 2398b4fb,|MALFORMED|field at offset 4 is not followed by ',' (its length 10 is wrong)",
        "###\\n11:[0]t=status,%%%\\n10:1 2398b4fb,|MALFORMED|field at offset 4 does not start with (type)",
        "###\\n11:(x)t=status,%%%\\n10:1 2398b4fb,|MALFORMED|field at offset 4 has type \"x\", not a digit",
        "###\\n11:(7)t=status,%%%\\n10:1 2398b4fb,|MALFORMED|field at offset 4 has unknown type 7",
        "###\\n11:(2)t=status,%%%\\n10:1 2398b4fb,|UNSUPPORTED_FIELD_TYPE|field at offset 4 has type 2 (STRUCT), not used by R1 heartbeat",
        "###\\n11:(0)tXstatus,%%%\\n10:1 2398b4fb,|MALFORMED|field at offset 4 has no '='",
        "###\\n4:(0)=,%%%\\n10:1 2398b4fb,|MALFORMED|field at offset 4 has an empty name",
        "###\\n11:(0)t=status,%%%\\n10:x 2398b4fb,|MALFORMED|signature \"x 2398b4fb\" is not \"<index> <token>\"",
        "###\\n11:(0)t=status,%%%\\n8:16 23984,|MALFORMED|signature auth index 16 outside 0..15",
        "###\\n11:(0)t=status,%%%\\n2:1 ,|MALFORMED|signature \"1 \" has no valid token",
        "###\\n11:(0)t=status,%%%\\n10:1 2398b4fb,x|MALFORMED|1 bytes after the signature trailer",
        "###\\n11:(0)t=status,%%%\\n|UNSIGNED|no signature trailer after %%%\\n",
        "###\\n9999999999:(0)t=status,%%%\\n|MALFORMED|field length at offset 4 has too many digits",
        "###\\n99:(0)t=status,%%%\\n10:1 2398b4fb,|TRUNCATED|field at offset 4 announces 99 bytes, only 30 remain",
        ">>>\\nt=status\\n<<<\\n|UNSIGNED|classic packet has no auth field",
        ">>>\\nt=status\\nauth=1 00\\n|TRUNCATED|classic packet ends without <<<\\n",
        ">>>\\nt=status\\nnoequals\\n<<<\\n|MALFORMED|classic line \"noequals\" is not name=value",
        ">>>\\n(1)u=***\\nauth=1 0\\n<<<\\n|MALFORMED|binary field u is not valid base64",
        ">>>\\nt=status\\nauth=1 0\\n<<<\\nxx|MALFORMED|2 bytes after <<<\\n",
        "|TRUNCATED|empty packet",
        "##|TRUNCATED|packet of 2 bytes ends inside its start marker",
    })
    void malformedInputGetsASpecificReason(String escaped, RejectReason reason, String detail) {
        String text = escaped == null ? "" : escaped.replace("\\n", "\n").replace("\\r", "\r");
        DecodeResult.Rejected r = rejected(text);
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.detail()).isEqualTo(detail.replace("\\\\n", "\\n"));
    }

    @Test
    void packetsFromMaxMsgOnAreTooBig() {
        assertThat(rejected(new byte[PacketDecoder.MAX_PACKET]).reason()).isEqualTo(RejectReason.TOO_BIG);
    }

    @Test
    void netstringPacketWithoutInnerAuthIsAcceptedLikeMsgfmtNetstring() {
        byte[] packet = PacketEncoder.netstring(status(), KEY, false);
        DecodeResult r = DECODER.decode(packet);
        assertThat(r).isInstanceOf(DecodeResult.Accepted.class);
        assertThat(((DecodeResult.Accepted) r).message()).isEqualTo(status());
        assertThat(DECODER.innerSignatureProblem(status())).contains("no inner auth field");
    }

    @Test
    void binaryValuesWithSeparatorBytesRoundTrip() throws Exception {
        byte[] packet = PacketEncoder.netstring(status(), KEY, true);
        Message back = PacketDecoder.parse(packet).message();
        assertThat(back.without(Message.AUTH)).isEqualTo(status());
        assertThat(back.find("srcuuid").orElseThrow().value()).containsExactly(',', ':', '=', 0, '\n', 1);
    }

    @Test
    void classicPacketIsAcceptedAlsoWithATrailingNul() {
        byte[] classic = PacketEncoder.classic(status(), KEY);
        assertThat(new String(classic, ISO_8859_1)).startsWith(">>>\nt=status\nst=up\n(1)srcuuid=LDo9AAoB\nauth=1 ").endsWith("\n<<<\n");
        byte[] withNul = Arrays.copyOf(classic, classic.length + 1);

        for (byte[] packet : new byte[][] {classic, withNul}) {
            DecodeResult r = DECODER.decode(packet);
            assertThat(r).isInstanceOf(DecodeResult.Accepted.class);
            assertThat(((DecodeResult.Accepted) r).packet().format()).isEqualTo(WireFormat.CLASSIC);
            assertThat(((DecodeResult.Accepted) r).message().without(Message.AUTH)).isEqualTo(status());
        }
    }

    @Test
    void classicPacketWithAForgedFieldIsRejected() {
        String forged = new String(PacketEncoder.classic(status(), KEY), ISO_8859_1).replace("st=up", "st=active");
        DecodeResult.Rejected r = rejected(forged);
        assertThat(r.reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
        assertThat(r.detail()).startsWith("auth field sha1 token ");
    }

    @Test
    void classicRenderingOfTheVectorMessageMatchesTheInnerText() throws Exception {
        Message m = PacketDecoder.parse(SHA1.payload()).message();
        assertThat(new String(ClassicText.framed(m.without(Message.AUTH)), ISO_8859_1)).isEqualTo(">>>\n" + SHA1.innerText() + "<<<\n");
    }
}
