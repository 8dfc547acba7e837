package lvsdirector.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/** Direct-mapped libc socket calls. Each failure throws {@link LastErrorException} carrying errno. */
final class LibC {
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    // x86, arm and most other Linux ABIs; the few with other numbers (mips, powerpc, sparc, parisc) are unsupported
    static final int SO_RCVTIMEO = 20;
    static final int SO_SNDTIMEO = 21;
    static final int MSG_TRUNC = 0x20;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;

    static {
        Native.register(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibC() {}

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, byte[] address, int addressLength) throws LastErrorException;

    static native int getsockname(int fd, byte[] address, int[] addressLength) throws LastErrorException;

    static native int setsockopt(int fd, int level, int option, Pointer value, int valueLength) throws LastErrorException;

    static native NativeLong send(int fd, Pointer buffer, NativeLong length, int flags) throws LastErrorException;

    static native NativeLong recv(int fd, Pointer buffer, NativeLong length, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int open(String path, int flags) throws LastErrorException;

    static native int setns(int fd, int nstype) throws LastErrorException;
}
