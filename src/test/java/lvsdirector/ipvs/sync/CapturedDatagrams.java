package lvsdirector.ipvs.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * UDP payloads of the sync capture of drbd-sync.md §3 (two UML directors, tcpdump on the sync link):
 * a little-endian pcap of Ethernet frames carrying IPv4 (20-byte header) and UDP.
 */
final class CapturedDatagrams {
    private CapturedDatagrams() {}

    static List<byte[]> load() throws IOException {
        byte[] file;
        try (InputStream in = CapturedDatagrams.class.getResourceAsStream("/ipvs/sync/ipvs-sync-run1.pcap")) {
            file = in.readAllBytes();
        }
        ByteBuffer pcap = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> payloads = new ArrayList<>();
        int offset = 24;
        while (offset < file.length) {
            int captured = pcap.getInt(offset + 8);
            int frame = offset + 16;
            int ipHeader = (file[frame + 14] & 0x0f) * 4;
            int udp = frame + 14 + ipHeader;
            payloads.add(Arrays.copyOfRange(file, udp + 8, frame + captured));
            offset = frame + captured;
        }
        return payloads;
    }
}
