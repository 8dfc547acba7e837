package lvsdirector.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * {@link NetlinkSocket} over libc through JNA: AF_NETLINK/SOCK_RAW, bound with port id 0 so the kernel assigns
 * one, with kernel socket buffers, send/receive timeouts and a reusable native receive buffer. Receives use
 * MSG_TRUNC so that a datagram larger than the buffer is detected instead of silently cut.
 */
public final class JnaNetlinkSocket implements NetlinkSocket {
    /** Dump datagrams are capped near 32 KiB by the kernel; 64 KiB leaves room for error echoes of big requests. */
    public static final int DEFAULT_RECEIVE_BUFFER = 64 * 1024;

    private final int fd;
    private final int portId;
    private final Memory receiveBuffer;
    private Memory sendBuffer = new Memory(16 * 1024);
    private final Duration timeout;
    private boolean closed;

    private JnaNetlinkSocket(int fd, int portId, int receiveBufferBytes, Duration timeout) {
        this.fd = fd;
        this.portId = portId;
        this.receiveBuffer = new Memory(receiveBufferBytes);
        this.timeout = timeout;
    }

    /**
     * Opens and binds a netlink socket.
     *
     * @param protocol          e.g. {@link Netlink#NETLINK_GENERIC}
     * @param kernelBufferBytes SO_RCVBUF and SO_SNDBUF (the kernel doubles them)
     * @param timeout           send and receive timeout; a receive that waits longer throws {@link NetlinkTimeoutException}
     */
    public static JnaNetlinkSocket open(int protocol, int kernelBufferBytes, Duration timeout) throws NetlinkException {
        int fd;
        try {
            fd = LibC.socket(Netlink.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, protocol);
        } catch (LastErrorException e) {
            throw new NetlinkErrnoException(e.getErrorCode(), "socket(AF_NETLINK, " + protocol + ")");
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new NetlinkException("native access unavailable (JNA): " + e.getMessage(), e);
        }
        try {
            setInt(fd, LibC.SO_RCVBUF, kernelBufferBytes, "SO_RCVBUF");
            setInt(fd, LibC.SO_SNDBUF, kernelBufferBytes, "SO_SNDBUF");
            setTimeval(fd, LibC.SO_RCVTIMEO, timeout, "SO_RCVTIMEO");
            setTimeval(fd, LibC.SO_SNDTIMEO, timeout, "SO_SNDTIMEO");
            byte[] address = sockaddrNl(0);
            call(() -> LibC.bind(fd, address, address.length), "bind");
            int[] length = {address.length};
            byte[] bound = new byte[12];
            call(() -> LibC.getsockname(fd, bound, length), "getsockname");
            int portId = ByteBuffer.wrap(bound).order(ByteOrder.nativeOrder()).getInt(4);
            return new JnaNetlinkSocket(fd, portId, DEFAULT_RECEIVE_BUFFER, timeout);
        } catch (NetlinkException e) {
            closeQuietly(fd);
            throw e;
        }
    }

    /**
     * Opens the socket inside another network namespace (e.g. /run/netns/NAME or /proc/PID/ns/net); it keeps
     * talking to that namespace's kernel state for its whole life. Needs CAP_SYS_ADMIN. The switch happens on a
     * short-lived thread of its own, so no thread of the caller ever changes namespace.
     */
    public static JnaNetlinkSocket openInNamespace(java.nio.file.Path namespace, int protocol, int kernelBufferBytes,
                                                   Duration timeout) throws NetlinkException {
        JnaNetlinkSocket[] opened = new JnaNetlinkSocket[1];
        NetlinkException[] failed = new NetlinkException[1];
        Thread opener = new Thread(() -> {
            try {
                int nsFd;
                try {
                    nsFd = LibC.open(namespace.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
                } catch (LastErrorException e) {
                    throw new NetlinkErrnoException(e.getErrorCode(), "open network namespace " + namespace);
                }
                try {
                    call(() -> LibC.setns(nsFd, LibC.CLONE_NEWNET), "setns " + namespace);
                } finally {
                    closeQuietly(nsFd);
                }
                opened[0] = open(protocol, kernelBufferBytes, timeout);
            } catch (NetlinkException e) {
                failed[0] = e;
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                failed[0] = new NetlinkException("native access unavailable (JNA): " + e.getMessage(), e);
            }
        }, "netns-opener");
        opener.start();
        try {
            opener.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException("interrupted while opening a socket in " + namespace, e);
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return opened[0];
    }

    @Override
    public int portId() {
        return portId;
    }

    @Override
    public void send(ByteBuffer datagram) throws NetlinkException {
        int length = datagram.remaining();
        if (sendBuffer.size() < length) {
            sendBuffer = new Memory(Math.max(length, sendBuffer.size() * 2));
        }
        byte[] bytes = new byte[length];
        datagram.duplicate().get(bytes);
        sendBuffer.write(0, bytes, 0, length);
        while (true) {
            try {
                long n = LibC.send(fd, sendBuffer, new NativeLong(length), 0).longValue();
                if (n != length) {
                    throw new NetlinkException("short netlink send: " + n + " of " + length + " bytes");
                }
                return;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Errno.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == Errno.EAGAIN) {
                    throw new NetlinkTimeoutException("netlink send blocked for more than " + timeout.toMillis() + " ms");
                }
                throw new NetlinkErrnoException(e.getErrorCode(), "netlink send");
            }
        }
    }

    @Override
    public ByteBuffer receive() throws NetlinkException {
        long capacity = receiveBuffer.size();
        while (true) {
            try {
                long n = LibC.recv(fd, receiveBuffer, new NativeLong(capacity), LibC.MSG_TRUNC).longValue();
                if (n > capacity) {
                    throw new NetlinkDecodeException("netlink datagram of " + n + " bytes truncated to the "
                            + capacity + "-byte receive buffer");
                }
                return receiveBuffer.getByteBuffer(0, n).order(ByteOrder.nativeOrder());
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Errno.EINTR) {
                    continue;
                }
                if (e.getErrorCode() == Errno.EAGAIN) {
                    throw new NetlinkTimeoutException("no netlink reply within " + timeout.toMillis() + " ms");
                }
                throw new NetlinkErrnoException(e.getErrorCode(), "netlink receive");
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(fd);
        }
    }

    private static byte[] sockaddrNl(int pid) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
        b.putShort((short) Netlink.AF_NETLINK).putShort((short) 0).putInt(pid).putInt(0);
        return b.array();
    }

    private static void setInt(int fd, int option, int value, String name) throws NetlinkException {
        Memory m = new Memory(4);
        m.setInt(0, value);
        call(() -> LibC.setsockopt(fd, LibC.SOL_SOCKET, option, m, 4), "setsockopt " + name);
    }

    private static void setTimeval(int fd, int option, Duration timeout, String name) throws NetlinkException {
        int longSize = Native.LONG_SIZE;
        Memory tv = new Memory(2L * longSize);
        long seconds = timeout.getSeconds();
        long micros = timeout.getNano() / 1000;
        if (longSize == 8) {
            tv.setLong(0, seconds);
            tv.setLong(8, micros);
        } else {
            tv.setInt(0, (int) seconds);
            tv.setInt(4, (int) micros);
        }
        call(() -> LibC.setsockopt(fd, LibC.SOL_SOCKET, option, tv, 2 * longSize), "setsockopt " + name);
    }

    private interface NativeCall {
        int run() throws LastErrorException;
    }

    private static void call(NativeCall call, String what) throws NetlinkException {
        try {
            call.run();
        } catch (LastErrorException e) {
            throw new NetlinkErrnoException(e.getErrorCode(), what);
        }
    }

    private static void closeQuietly(int fd) {
        try {
            LibC.close(fd);
        } catch (LastErrorException ignored) {
            // nothing useful to do: the descriptor is gone either way
        }
    }
}
