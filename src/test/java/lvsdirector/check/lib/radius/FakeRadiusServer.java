package lvsdirector.check.lib.radius;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback RADIUS server for tests: recovers the User-Password with its secret, and answers Access-Accept
 * when user and password are the expected ones, else Access-Reject. {@code forgeAuthenticator} answers with a
 * wrong Response Authenticator; {@code silent} never answers.
 */
final class FakeRadiusServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final String secret;
    private final String user;
    private final String password;
    final AtomicReference<byte[]> lastRequest = new AtomicReference<>();
    volatile boolean forgeAuthenticator;
    volatile boolean silent;

    FakeRadiusServer(String secret, String user, String password) throws Exception {
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.secret = secret;
        this.user = user;
        this.password = password;
        Thread t = new Thread(this::serve, "fake-radius");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] request = Arrays.copyOf(packet.getData(), packet.getLength());
                lastRequest.set(request);
                if (silent) {
                    continue;
                }
                byte[] reply = reply(request);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (Exception e) {
                return;
            }
        }
    }

    /** The value of the first attribute of {@code type}, or null. */
    static byte[] attribute(byte[] packet, int type) {
        int at = 20;
        while (at + 2 <= packet.length) {
            int length = packet[at + 1] & 0xff;
            if ((packet[at] & 0xff) == type) {
                return Arrays.copyOfRange(packet, at + 2, at + length);
            }
            at += length;
        }
        return null;
    }

    private byte[] reply(byte[] request) throws Exception {
        byte[] authenticator = Arrays.copyOfRange(request, 4, 20);
        String gotUser = new String(attribute(request, 1), StandardCharsets.UTF_8);
        byte[] hidden = attribute(request, 2);
        // hiding is its own inverse given the ciphertext blocks, so unhide block by block
        byte[] plain = new byte[hidden.length];
        byte[] previous = authenticator;
        for (int block = 0; block < hidden.length / 16; block++) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(secret.getBytes(StandardCharsets.UTF_8));
            md5.update(previous);
            byte[] pad = md5.digest();
            for (int i = 0; i < 16; i++) {
                plain[block * 16 + i] = (byte) (hidden[block * 16 + i] ^ pad[i]);
            }
            previous = Arrays.copyOfRange(hidden, block * 16, block * 16 + 16);
        }
        String gotPassword = new String(plain, StandardCharsets.UTF_8).replace("\0", "");
        int code = user.equals(gotUser) && password.equals(gotPassword) ? 2 : 3;
        byte[] reply = new byte[20];
        reply[0] = (byte) code;
        reply[1] = request[1];
        reply[3] = 20;
        System.arraycopy(authenticator, 0, reply, 4, 16);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(reply);
        md5.update(secret.getBytes(StandardCharsets.UTF_8));
        byte[] responseAuthenticator = md5.digest();
        if (forgeAuthenticator) {
            responseAuthenticator[0] ^= 1;
        }
        System.arraycopy(responseAuthenticator, 0, reply, 4, 16);
        return reply;
    }

    @Override
    public void close() {
        socket.close();
    }
}
