package lvsdirector.netlink.unix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends datagrams to a local AF_UNIX datagram socket such as syslog's /dev/log. The JDK has no AF_UNIX
 * datagram channel (only stream), so this goes through libc with JNA. A path starting with '@' names a
 * socket in the abstract namespace (as systemd's NOTIFY_SOCKET may): the '@' becomes a NUL byte and the
 * address length covers the name exactly, because abstract names are not NUL-terminated.
 */
public final class UnixDatagramSender implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;

    private final String path;
    private int fd = -1;

    public UnixDatagramSender(String path) {
        if (path.getBytes(StandardCharsets.UTF_8).length >= 108) {
            throw new IllegalArgumentException("unix socket path too long: " + path);
        }
        this.path = path;
    }

    /** Sends one datagram, (re)opening the socket when needed. */
    public synchronized void send(byte[] payload) throws IOException {
        try {
            if (fd < 0) {
                fd = Libc.INSTANCE.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            }
            SockaddrUn address = new SockaddrUn(path);
            Libc.INSTANCE.sendto(fd, payload, payload.length, MSG_NOSIGNAL, address, address.length());
        } catch (LastErrorException e) {
            closeQuietly();
            throw new IOException("cannot send to " + path + ": errno " + e.getErrorCode(), e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (fd >= 0) {
            try {
                Libc.INSTANCE.close(fd);
            } catch (LastErrorException ignored) {
                // nothing left to do with a socket that cannot be closed
            }
            fd = -1;
        }
    }

    /** struct sockaddr_un. */
    public static final class SockaddrUn extends Structure {
        private static final int FAMILY_SIZE = 2;

        public short sun_family;
        public byte[] sun_path = new byte[108];
        private final int length;

        public SockaddrUn(String path) {
            sun_family = AF_UNIX;
            byte[] p = path.getBytes(StandardCharsets.UTF_8);
            boolean isAbstract = path.startsWith("@");
            if (isAbstract) {
                p[0] = 0;
            }
            System.arraycopy(p, 0, sun_path, 0, p.length);
            length = isAbstract ? FAMILY_SIZE + p.length : size();
            write();
        }

        /** The address length to pass to the kernel (exact for abstract names). */
        public int length() {
            return length;
        }

        @Override
        protected List<String> getFieldOrder() {
            return List.of("sun_family", "sun_path");
        }
    }

    interface Libc extends com.sun.jna.Library {
        Libc INSTANCE = Native.load("c", Libc.class);

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int sendto(int fd, byte[] buf, int len, int flags, SockaddrUn addr, int addrlen) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }
}
