package lvsdirector.cli.heartbeat;

import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.Optional;
import lvsdirector.heartbeat.wire.DecodeResult;
import lvsdirector.heartbeat.wire.Field;
import lvsdirector.heartbeat.wire.FieldType;
import lvsdirector.heartbeat.wire.Message;
import lvsdirector.heartbeat.wire.PacketDecoder;
import lvsdirector.heartbeat.wire.ParsedPacket;
import lvsdirector.heartbeat.wire.WireFormat;

/** Writes what the decode tool found about one packet, as one summary line or a full field listing. */
final class PacketReport {
    private final PrintWriter out;
    private final PacketDecoder decoder;

    PacketReport(PrintWriter out, PacketDecoder decoder) {
        this.out = out;
        this.decoder = decoder;
    }

    /** {@code ok <t> <src> <seq>} or {@code bad <reason>}; fields a message lacks print as '-'. */
    void summary(Datagram d, Optional<DecodeResult> result) {
        if (d.problem().isPresent()) {
            out.println("bad " + d.problem().get());
        } else if (result.orElseThrow() instanceof DecodeResult.Accepted a) {
            Message m = a.message();
            out.println("ok " + orDash(m.get("t")) + " " + orDash(m.get("src")) + " " + orDash(m.get("seq")));
        } else {
            out.println("bad " + ((DecodeResult.Rejected) result.orElseThrow()).describe());
        }
    }

    void full(int number, Datagram d, Optional<DecodeResult> result) {
        out.println("packet " + number + ": " + d.origin() + d.flow().map(f -> ", " + f).orElse("") + ", " + d.payload().length + " bytes");
        if (d.problem().isPresent()) {
            out.println("  BAD " + d.problem().get());
            out.println();
            return;
        }
        DecodeResult r = result.orElseThrow();
        Optional<ParsedPacket> packet = r instanceof DecodeResult.Accepted a ? Optional.of(a.packet()) : ((DecodeResult.Rejected) r).packet();
        packet.ifPresent(p -> {
            out.println("  format: " + (p.format() == WireFormat.NETSTRING ? "netstring" : "classic"));
            p.message().fields().forEach(f -> out.println("  " + render(f)));
        });
        if (r instanceof DecodeResult.Accepted a) {
            out.println("  signature: ok (auth " + a.key().index() + " " + a.key().method().fileName() + ")");
            if (a.packet().format() == WireFormat.NETSTRING) {
                out.println("  inner auth: " + decoder.innerSignatureProblem(a.message()).map(s -> "BAD " + s).orElse("ok"));
            }
        } else {
            out.println("  signature: BAD " + ((DecodeResult.Rejected) r).describe());
        }
        out.println();
    }

    private static String render(Field f) {
        if (f.type() == FieldType.STRING) {
            return f.name() + "=" + printable(f.text());
        }
        return "(" + f.type().digit() + ")" + f.name() + "=" + HexFormat.of().formatHex(f.value()) + " (hex)";
    }

    private static String printable(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            s.append(c >= ' ' && c < 0x7f && c != '\\' ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return s.toString();
    }

    private static String orDash(Optional<String> value) {
        return value.filter(v -> !v.isEmpty()).map(PacketReport::printable).map(v -> v.replace(' ', '_')).orElse("-");
    }
}
