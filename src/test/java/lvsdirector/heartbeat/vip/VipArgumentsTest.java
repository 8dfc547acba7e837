package lvsdirector.heartbeat.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The argument split of heartbeat's IPaddr, IPaddr2 and IPv6addr wrapper scripts. */
class VipArgumentsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "IPADDR  | 10.200.0.101                      | 10.200.0.101 | -  | -    | -    | -",
            "IPADDR  | 10.200.0.101/24                   | 10.200.0.101 | 24 | -    | -    | -",
            "IPADDR  | 10.200.0.101/24/eth0/10.200.0.255 | 10.200.0.101 | 24 | eth0 | -    | 10.200.0.255",
            "IPADDR  | 10.200.0.101/24/10.200.0.127      | 10.200.0.101 | 24 | -    | -    | 10.200.0.127",
            "IPADDR  | 10.200.0.101/255.255.255.0/eth1   | 10.200.0.101 | 24 | eth1 | -    | -",
            "IPADDR  | 10.200.0.101/24/eth0:3            | 10.200.0.101 | 24 | eth0 | -    | -",
            "IPADDR2 | 10.200.0.101/24/eth0:vip/10.200.0.255 | 10.200.0.101 | 24 | eth0 | vip | 10.200.0.255",
            "IPADDR2 | 10.200.0.101//eth0                | 10.200.0.101 | -  | eth0 | -    | -",
            "IPV6ADDR | 2001:db8::100                    | 2001:db8::100 | - | -    | -    | -",
            "IPV6ADDR | 2001:db8::100/64/eth0            | 2001:db8::100 | 64 | eth0 | -   | -",
    })
    void splitsAsTheWrapperDoes(VipKind kind, String argument, String ip, Integer prefix, String nic, String label,
                                String broadcast) throws Exception {
        VipArguments args = VipArguments.parse(kind, argument);
        assertThat(args.address()).isEqualTo(InetAddress.getByName(ip));
        assertThat(args.prefixLength().isPresent() ? args.prefixLength().getAsInt() : null).isEqualTo(prefix);
        assertThat(args.nic().orElse(null)).isEqualTo(nic);
        assertThat(args.label().orElse(null)).isEqualTo(label);
        assertThat(args.broadcast().map(InetAddress::getHostAddress).orElse(null)).isEqualTo(broadcast);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "IPADDR   | 10.200.0              | [10.200.0] is not an IPv4 address",
            "IPADDR   | 10.200.0.300          | has an octet over 255",
            "IPADDR   | eth0                  | [eth0] is not an IPv4 address",
            "IPADDR   | 10.0.0.1/33           | netmask [33] is not 0..32 bits or a dotted quad",
            "IPADDR   | 10.0.0.1/255.0.255.0  | netmask 255.0.255.0 is not contiguous",
            "IPADDR   | 10.0.0.1/24/eth0/bcast | broadcast [bcast] is not an IPv4 address",
            "IPADDR   | 10.0.0.1/24/eth0/1.2.3.4/x | too many '/' parts",
            "IPADDR   | 0.0.0.0/24            | cannot be a virtual IP",
            "IPADDR2  | 224.0.0.5             | cannot be a virtual IP",
            "IPV6ADDR | 10.0.0.1              | [10.0.0.1] is not an IPv6 address",
            "IPV6ADDR | 2001:db8::zz          | is not an IPv6 address",
            "IPV6ADDR | 2001:db8::1/129       | netmask [129] is not 0..128 bits",
    })
    void rejectsWithASpecificMessage(VipKind kind, String argument, String message) {
        assertThatThrownBy(() -> VipArguments.parse(kind, argument)).isInstanceOf(VipException.class)
                .hasMessageContaining(message).hasMessageContaining(argument);
    }
}
