package lvsdirector.heartbeat.vip;

import java.io.IOException;
import java.net.InetAddress;

import lvsdirector.netlink.rtnl.Link;
import lvsdirector.netlink.rtnl.NewAddress;

/** What the agents need of the host: its interfaces, addresses and routes, address changes, and frame output. */
interface VipHost {
    HostSnapshot snapshot() throws IOException;

    /** Adds the address; false when it was already there. */
    boolean add(NewAddress address) throws IOException;

    /** Deletes the address; false when it was not there. */
    boolean delete(int interfaceIndex, InetAddress address, int prefixLength) throws IOException;

    FrameSender frameSender(Link link) throws IOException;
}
