package lvsdirector.netlink.unix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Test helper: a bound AF_UNIX datagram socket (a stand-in /dev/log, or systemd's NOTIFY_SOCKET, also
 * "@name" in the abstract namespace) that receives with a timeout.
 */
public final class UnixDatagramReceiver implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;

    private final int fd;

    public UnixDatagramReceiver(String path, int timeoutMillis) {
        fd = Libc.INSTANCE.socket(AF_UNIX, SOCK_DGRAM, 0);
        UnixDatagramSender.SockaddrUn address = new UnixDatagramSender.SockaddrUn(path);
        Libc.INSTANCE.bind(fd, address, address.length());
        long[] timeval = {timeoutMillis / 1000, (timeoutMillis % 1000) * 1000L};
        Libc.INSTANCE.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16);
    }

    /** The next datagram as text, or null when none came within the timeout. */
    public String receive() {
        byte[] buffer = new byte[8192];
        try {
            int n = Libc.INSTANCE.recv(fd, buffer, buffer.length, 0);
            return new String(Arrays.copyOf(buffer, n), StandardCharsets.UTF_8);
        } catch (LastErrorException e) {
            return null;
        }
    }

    @Override
    public void close() {
        Libc.INSTANCE.close(fd);
    }

    interface Libc extends com.sun.jna.Library {
        Libc INSTANCE = Native.load("c", Libc.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int bind(int fd, UnixDatagramSender.SockaddrUn addr, int addrlen) throws LastErrorException;

        int setsockopt(int fd, int level, int name, long[] value, int len) throws LastErrorException;

        int recv(int fd, byte[] buf, int len, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }
}
