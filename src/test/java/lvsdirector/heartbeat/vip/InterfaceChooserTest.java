package lvsdirector.heartbeat.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import lvsdirector.netlink.rtnl.Link;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interface choice as the real agents make it. The IPaddr cases replay what resource-agents' findif printed in a
 * namespace with d1 10.1.0.1/16, d2 10.1.2.1/24, 10.9.0.0/16 via 10.1.0.7, 10.1.2.128/25 dev d1 metric 5 and
 * 10.1.3.0/25 dev d2.
 */
class InterfaceChooserTest {
    private final FakeVipHost host = new FakeVipHost();
    private Link d1;
    private Link d2;

    @BeforeEach
    void measuredNamespace() throws Exception {
        host.link(1, "lo", "00:00:00:00:00:00");
        d1 = host.link(2, "d1", "02:00:00:00:00:01");
        d2 = host.link(3, "d2", "02:00:00:00:00:02");
        host.address(d1, "10.1.0.1", 16, "d1");
        host.address(d2, "10.1.2.1", 24, "d2");
        host.route("d1", "10.1.0.0", 16, false, 0);
        host.route("d2", "10.1.2.0", 24, false, 0);
        host.route("d1", "10.1.2.128", 25, false, 5);
        host.route("d1", "10.9.0.0", 16, true, 0);
        host.route("d2", "10.1.3.0", 25, false, 0);
    }

    private String place(VipKind kind, String argument) throws Exception {
        VipPlacement p = InterfaceChooser.place(VipArguments.parse(kind, argument), host.snapshot());
        return p.link().name() + " /" + p.prefixLength() + " brd " + p.broadcast().map(b -> b.getHostAddress()).orElse("-")
                + " label " + p.label().orElse("-");
    }

    @Test
    void ipaddrFollowsFindif() throws Exception {
        assertThat(place(VipKind.IPADDR, "10.1.2.5")).isEqualTo("d2 /24 brd 10.1.2.255 label d2:0");
        assertThat(place(VipKind.IPADDR, "10.1.7.5")).isEqualTo("d1 /16 brd 10.1.255.255 label d1:0");
        // the lowest metric wins over the longest mask
        assertThat(place(VipKind.IPADDR, "10.1.2.200")).isEqualTo("d2 /24 brd 10.1.2.255 label d2:0");
        // on equal metrics the longest mask wins
        assertThat(place(VipKind.IPADDR, "10.1.3.5")).isEqualTo("d2 /25 brd 10.1.3.127 label d2:0");
        // findif also takes routes through a gateway
        assertThat(place(VipKind.IPADDR, "10.9.3.3")).isEqualTo("d1 /16 brd 10.9.255.255 label d1:0");
        // a given nic is taken as it is, with /32 unless a netmask is given
        assertThat(place(VipKind.IPADDR, "10.1.2.5/16/d1")).isEqualTo("d1 /16 brd 10.1.255.255 label d1:0");
        assertThat(place(VipKind.IPADDR, "10.7.7.7//d1")).isEqualTo("d1 /32 brd 10.7.7.7 label d1:0");
        assertThat(place(VipKind.IPADDR, "10.1.2.5/20")).isEqualTo("d2 /20 brd 10.1.15.255 label d2:0");
        assertThat(place(VipKind.IPADDR, "10.1.2.5/24/10.1.2.99")).isEqualTo("d2 /24 brd 10.1.2.99 label d2:0");
        assertThat(place(VipKind.IPADDR, "127.0.0.9")).isEqualTo("lo /8 brd 127.255.255.255 label lo:0");
    }

    @Test
    void ipaddrTakesTheFirstFreeAlias() throws Exception {
        host.address(d2, "10.1.2.50", 24, "d2:0");
        host.address(d2, "10.1.2.51", 24, "d2:2");
        assertThat(place(VipKind.IPADDR, "10.1.2.5")).endsWith("label d2:1");
    }

    @Test
    void ipaddrNeedsANetmaskOnTheDefaultRoute() throws Exception {
        host.route("d1", "0.0.0.0", 0, true, 0);
        assertThatThrownBy(() -> place(VipKind.IPADDR, "192.0.2.7")).isInstanceOf(VipException.class)
                .hasMessageContaining("only the default route reaches 192.0.2.7; give a netmask");
        assertThat(place(VipKind.IPADDR, "192.0.2.7/24")).isEqualTo("d1 /24 brd 192.0.2.255 label d1:0");
    }

    @Test
    void ipaddrWithoutRouteOrNicFails() {
        assertThatThrownBy(() -> place(VipKind.IPADDR, "172.16.0.1")).hasMessageContaining("no route to 172.16.0.1");
        assertThatThrownBy(() -> place(VipKind.IPADDR, "10.1.2.5/24/eth9")).hasMessageContaining("no interface named eth9");
    }

    @Test
    void ipaddr2FollowsFindifSh() throws Exception {
        host.addresses.clear();
        host.address(d2, "10.1.2.1", 24, "d2");
        host.addresses.set(0, new lvsdirector.netlink.rtnl.InterfaceAddress(3, java.net.InetAddress.getByName("10.1.2.1"), 24,
                java.util.Optional.of((java.net.Inet4Address) java.net.InetAddress.getByName("10.1.2.255")),
                java.util.Optional.of("d2"), 0, 0));
        // longest prefix, metric ignored, broadcast copied from the interface's own address in that network
        assertThat(place(VipKind.IPADDR2, "10.1.2.200")).isEqualTo("d1 /25 brd - label -");
        assertThat(place(VipKind.IPADDR2, "10.1.2.5")).isEqualTo("d2 /24 brd 10.1.2.255 label -");
        assertThat(place(VipKind.IPADDR2, "10.1.2.5/24/d2:web")).isEqualTo("d2 /24 brd 10.1.2.255 label d2:web");
        // routes through a gateway do not count
        assertThatThrownBy(() -> place(VipKind.IPADDR2, "10.9.3.3")).hasMessageContaining("unable to find nic or netmask");
        assertThat(place(VipKind.IPADDR2, "10.9.3.3/16/d1")).isEqualTo("d1 /16 brd - label -");
        assertThatThrownBy(() -> place(VipKind.IPADDR2, "10.1.2.5/24/d2:averyverylonglabel"))
                .hasMessageContaining("exceeds 15 characters");
    }

    @Test
    void ipv6addrFindsTheInterfaceWithAnAddressInThePrefix() throws Exception {
        host.address(d2, "2001:db8:2::1", 64, null);
        host.address(d1, "fe80::1", 64, null);
        assertThat(place(VipKind.IPV6ADDR, "2001:db8:2::100")).isEqualTo("d2 /64 brd - label -");
        assertThat(place(VipKind.IPV6ADDR, "2001:db8:2::100/48")).isEqualTo("d2 /48 brd - label -");
        assertThat(place(VipKind.IPV6ADDR, "2001:db8:9::1/64/d1")).isEqualTo("d1 /64 brd - label -");
        assertThatThrownBy(() -> place(VipKind.IPV6ADDR, "2001:db8:9::1"))
                .hasMessageContaining("no interface has a global address in the prefix");
    }
}
