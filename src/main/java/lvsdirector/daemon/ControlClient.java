package lvsdirector.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Sends one request to a daemon's control socket and returns its exit status and output. */
public final class ControlClient {
    private ControlClient() {}

    public record Reply(int status, String output) {}

    public static Reply request(Path socketPath, List<String> arguments) throws IOException {
        for (String a : arguments) {
            if (a.indexOf('\t') >= 0 || a.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("argument contains a tab or newline: " + a);
            }
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socketPath));
            ByteBuffer request = ByteBuffer.wrap((String.join("\t", arguments) + "\n").getBytes(StandardCharsets.UTF_8));
            while (request.hasRemaining()) {
                channel.write(request);
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                all.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            if (!text.startsWith("EXIT ") || newline < 0) {
                throw new IOException("malformed reply from " + socketPath);
            }
            return new Reply(Integer.parseInt(text.substring(5, newline).trim()), text.substring(newline + 1));
        }
    }
}
