package lvsdirector.netlink.icmp;

import java.net.InetAddress;

/** An ICMP echo reply as received: who sent it and the identifier/sequence it echoes. */
record EchoReply(InetAddress from, int identifier, int sequence) {}
