package lvsdirector.netlink;

import java.nio.ByteBuffer;

/**
 * A bound netlink datagram socket talking to the kernel (port id 0). Implementations: {@link JnaNetlinkSocket};
 * tests use fakes that replay captured datagrams. Not thread-safe: one user at a time.
 */
public interface NetlinkSocket extends AutoCloseable {

    /** The port id the kernel assigned at bind time (nlmsg_pid of every reply to us). */
    int portId();

    /** Sends the buffer's remaining bytes as one datagram. */
    void send(ByteBuffer datagram) throws NetlinkException;

    /**
     * Waits for the next datagram and returns it in native byte order. The buffer is only valid until the next call.
     *
     * @throws NetlinkTimeoutException when nothing arrived within the receive timeout
     * @throws NetlinkDecodeException  when the datagram was larger than the receive buffer (the kernel dropped the rest)
     * @throws NetlinkErrnoException   for socket errors, e.g. ENOBUFS after the receive queue overflowed
     */
    ByteBuffer receive() throws NetlinkException;

    @Override
    void close();
}
