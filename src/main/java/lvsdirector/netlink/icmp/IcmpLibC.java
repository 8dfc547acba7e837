package lvsdirector.netlink.icmp;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** Direct-mapped libc calls for ICMP sockets. Each failure throws {@link LastErrorException} carrying errno. */
final class IcmpLibC {
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int IPPROTO_ICMP = 1;
    static final int IPPROTO_ICMPV6 = 58;
    static final int SOL_SOCKET = 1;
    // x86, arm and most other Linux ABIs
    static final int SO_RCVTIMEO = 20;
    static final int EAGAIN = 11;
    static final int EINTR = 4;
    static final int EACCES = 13;
    static final int EPERM = 1;
    static final int EPROTONOSUPPORT = 93;

    static {
        Native.register(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private IcmpLibC() {}

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int setsockopt(int fd, int level, int option, byte[] value, int valueLength) throws LastErrorException;

    static native long sendto(int fd, byte[] buffer, long length, int flags, byte[] address, int addressLength)
            throws LastErrorException;

    static native long recvfrom(int fd, byte[] buffer, long length, int flags, byte[] address, int[] addressLength)
            throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
