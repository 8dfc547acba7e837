package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A UDP payload from a capture.txt of heartbeat-captures, with the capture's header line. */
record CapturedPacket(String run, int number, String header, byte[] payload) {

    static final List<String> RUNS = List.of("main-sha1-bcast", "md5-ucast", "smoke-sha1");

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public String toString() {
        return run + "#" + number;
    }

    static String resource(String run, String file) {
        try (InputStream in = CapturedPacket.class.getResourceAsStream("/heartbeat-captures/" + run + "/" + file)) {
            return new String(in.readAllBytes(), ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CapturedPacket> load(String run) {
        List<CapturedPacket> packets = new ArrayList<>();
        String header = null;
        for (String line : resource(run, "capture.txt").split("\n")) {
            if (line.startsWith("[")) {
                header = line;
            } else if (line.strip().startsWith("HEX ")) {
                packets.add(new CapturedPacket(run, packets.size() + 1, header, HexFormat.of().parseHex(line.strip().substring(4))));
            }
        }
        return packets;
    }

    static List<CapturedPacket> loadAll() {
        List<CapturedPacket> all = new ArrayList<>();
        RUNS.forEach(run -> all.addAll(load(run)));
        return all;
    }
}
