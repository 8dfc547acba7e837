package lvsdirector.heartbeat.vip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Ipv4RouteTest {
    // this machine's /proc/net/route (a little-endian host), plus a route that is down
    static final String PROC_NET_ROUTE = """
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
            eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
            eth1\t0000010A\t00000000\t0000\t0\t0\t0\t0000FFFF\t0\t0\t0
            """;

    @Test
    void readsTheKernelsTable() {
        assertThat(Ipv4Route.parse(PROC_NET_ROUTE)).extracting(r -> r.interfaceName() + " "
                        + r.destination().getHostAddress() + "/" + r.prefixLength() + " gw=" + r.viaGateway() + " m=" + r.metric())
                .containsExactly("eth0 0.0.0.0/0 gw=true m=0", "eth0 192.0.2.0/24 gw=false m=0");
    }

    @Test
    void skipsGarbage() {
        assertThat(Ipv4Route.parse("header\nnot a route line at all\neth0 zz zz zz zz zz zz zz\n")).isEmpty();
    }
}
