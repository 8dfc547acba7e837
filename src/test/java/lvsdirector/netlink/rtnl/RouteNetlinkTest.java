package lvsdirector.netlink.rtnl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;

import lvsdirector.netlink.Errno;
import lvsdirector.netlink.FakeNetlinkSocket;
import lvsdirector.netlink.Netlink;
import org.junit.jupiter.api.Test;

/** The client's outcomes and error messages, over a scripted socket. */
class RouteNetlinkTest {
    private final FakeNetlinkSocket socket = new FakeNetlinkSocket(4242);
    private final RouteNetlink rtnl = new RouteNetlink(socket);

    @Test
    void addIsIdempotentAndDeleteToleratesAbsence() throws Exception {
        InetAddress vip = InetAddress.getByName("10.200.0.101");
        NewAddress add = new NewAddress(3, vip, 24, Optional.empty(), Optional.empty());
        socket.expect(RtnlMessages.newAddress(add), FakeNetlinkSocket.ack())
                .expect(RtnlMessages.newAddress(add), FakeNetlinkSocket.error(Errno.EEXIST))
                .expect(RtnlMessages.deleteAddress(3, vip, 24), FakeNetlinkSocket.ack())
                .expect(RtnlMessages.deleteAddress(3, vip, 24), FakeNetlinkSocket.error(Rtnl.EADDRNOTAVAIL));
        assertThat(rtnl.addAddress(add)).isTrue();
        assertThat(rtnl.addAddress(add)).isFalse();
        assertThat(rtnl.deleteAddress(3, vip, 24)).isTrue();
        assertThat(rtnl.deleteAddress(3, vip, 24)).isFalse();
        assertThat(socket.scriptDone()).isTrue();
    }

    @Test
    void refusalsSayWhatWasAskedAndWhy() throws Exception {
        InetAddress vip = InetAddress.getByName("10.200.0.101");
        NewAddress add = new NewAddress(7, vip, 24, Optional.empty(), Optional.empty());
        socket.expect(null, FakeNetlinkSocket.error(Errno.EPERM)).expect(null, FakeNetlinkSocket.error(Errno.ENODEV));
        assertThatThrownBy(() -> rtnl.addAddress(add)).isInstanceOf(RtnlException.class)
                .hasMessageContaining("add 10.200.0.101/24 to interface index 7")
                .hasMessageContaining("needs CAP_NET_ADMIN");
        assertThatThrownBy(() -> rtnl.deleteAddress(7, vip, 24)).isInstanceOf(RtnlException.class)
                .hasMessageContaining("no such interface");
    }

    @Test
    void linkLookupReturnsTheLinkOrNothing() throws Exception {
        byte[] reply = HexFormat.of().parseHex(RtnlMessagesTest.resource("newlink-v0.hex").get(0));
        socket.expect(RtnlMessages.getLink("v0"), reply)
                .expect(RtnlMessages.getLink("nosuch"), FakeNetlinkSocket.error(Errno.ENODEV));
        assertThat(rtnl.link("v0")).get().extracting(Link::index).isEqualTo(3);
        assertThat(rtnl.link("nosuch")).isEmpty();
        assertThatThrownBy(() -> rtnl.link("a/b")).hasMessageContaining("not an interface name");
    }

    @Test
    void addressDumpCollectsEveryAddress() throws Exception {
        var dump = RtnlMessagesTest.resource("newaddr-v4-dump.hex");
        byte[] first = HexFormat.of().parseHex(dump.get(0));
        byte[] second = HexFormat.of().parseHex(dump.get(1));
        socket.expect(RtnlMessages.dumpAddresses(Rtnl.AF_INET),
                FakeNetlinkSocket.datagram(multi(first), multi(second)),
                FakeNetlinkSocket.message(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, 0));
        assertThat(rtnl.addresses(Rtnl.AF_INET)).extracting(InterfaceAddress::cidr)
                .containsExactly("10.200.0.1/24", "10.200.0.101/24");
    }

    private static byte[] multi(byte[] message) {
        byte[] copy = message.clone();
        copy[6] |= Netlink.NLM_F_MULTI;
        return copy;
    }
}
