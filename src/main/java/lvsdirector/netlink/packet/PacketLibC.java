package lvsdirector.netlink.packet;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** Direct-mapped libc calls for AF_PACKET sockets. Each failure throws {@link LastErrorException} carrying errno. */
final class PacketLibC {
    static final int AF_PACKET = 17;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int EINTR = 4;
    static final int EPERM = 1;
    static final int ENODEV = 19;
    static final int ENETDOWN = 100;

    static {
        Native.register(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private PacketLibC() {}

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

    static native long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;
}
