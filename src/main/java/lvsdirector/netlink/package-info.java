/**
 * Raw netlink transport with no knowledge of any particular family: the {@link lvsdirector.netlink.NetlinkSocket}
 * abstraction and its JNA implementation, the message and attribute codec (host-order headers, 4-byte alignment,
 * nested-flag masking), generic-netlink family resolution, and {@link lvsdirector.netlink.NetlinkChannel}, the
 * request/receive loop that matches sequence numbers and port ids, follows multi-part dumps, drains trailing ACKs
 * and turns kernel error codes into typed exceptions. This is the only package allowed to use JNA.
 */
package lvsdirector.netlink;
