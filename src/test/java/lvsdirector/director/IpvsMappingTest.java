package lvsdirector.director;

import static lvsdirector.director.Cf.fallback;
import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Destination;
import lvsdirector.ipvs.ForwardingMethod;
import lvsdirector.ipvs.IpvsOperation;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;
import lvsdirector.ipvs.VirtualService;

class IpvsMappingTest {

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of(Cf.tcp("10.0.0.1", 80).build(), "-A -t 10.0.0.1:80 -s wrr"),
                Arguments.of(Cf.udp("10.0.0.1", 53).scheduling(new SchedulingSettings("rr", null, null, null, true)).build(),
                        "-A -u 10.0.0.1:53 -s rr -o"),
                Arguments.of(Cf.tcp("10.0.0.1", 80).scheduling(new SchedulingSettings("rr", null, null, null, true)).build(),
                        "-A -t 10.0.0.1:80 -s rr"),
                Arguments.of(Cf.tcp("10.0.2.1", 80).scheduling(new SchedulingSettings("sh", 300, "255.255.255.0", "sh-port", false)).build(),
                        "-A -t 10.0.2.1:80 -s sh -p 300 -M 255.255.255.0 -b sh-port"),
                Arguments.of(Cf.tcp("10.0.2.1", 80).scheduling(new SchedulingSettings("sh", null, "255.255.255.0", null, false)).build(),
                        "-A -t 10.0.2.1:80 -s sh"),
                Arguments.of(Cf.tcp("10.0.2.1", 80).scheduling(new SchedulingSettings("mh", null, null, "mh-fallback,mh-port", false)).build(),
                        "-A -t 10.0.2.1:80 -s mh -b mh-fallback,mh-port"),
                Arguments.of(Cf.tcp("10.0.2.1", 80).scheduling(new SchedulingSettings("wlc", null, null, "flag-3", false)).build(),
                        "-A -t 10.0.2.1:80 -s wlc -b flag-3"),
                Arguments.of(Cf.tcp("fd00::1", 443).scheduling(new SchedulingSettings("wlc", 600, "64", null, false)).build(),
                        "-A -t [fd00::1]:443 -s wlc -p 600 -M 64"),
                Arguments.of(Cf.fwm(7, false).build(), "-A -f 7 -s wrr"),
                Arguments.of(Cf.fwm(3, true).build(), "-A -f 3 -6 -s wrr"));
    }

    @ParameterizedTest
    @MethodSource("services")
    void mapsVirtualToService(VirtualConfig v, String ipvsadm) {
        assertThat(new IpvsOperation.AddService(IpvsMapping.service(v)).ipvsadmArguments()).isEqualTo(ipvsadm);
    }

    @Test
    void persistenceFlagsTimeoutAndMaskAreInTheRecord() {
        VirtualService s = IpvsMapping.service(Cf.tcp("10.0.2.1", 80)
                .scheduling(new SchedulingSettings("sh", 300, "255.255.255.0", "sh-fallback,sh-port", false)).build());
        assertThat(s.key()).isEqualTo(new ServiceKey.Address(Protocol.TCP, ip("10.0.2.1"), 80));
        assertThat(s.flags()).isEqualTo(VirtualService.FLAG_PERSISTENT | VirtualService.FLAG_SCHED1 | VirtualService.FLAG_SCHED2);
        assertThat(s.timeout()).isEqualTo(300);
        assertThat(s.netmask()).isEqualTo(0xffffff00);
    }

    @Test
    void unknownSchedFlagsAreReportedAndIgnored() {
        assertThat(IpvsMapping.schedFlagBits("sh-port,bogus")).isEqualTo(VirtualService.FLAG_SCHED2);
        assertThat(IpvsMapping.unknownSchedFlags("sh-port,bogus")).containsExactly("bogus");
    }

    @Test
    void gateAndIpipRealsOfAddressServicesAreStoredWithTheVirtualPort() {
        VirtualConfig v = Cf.tcp("10.0.5.1", 80).build();
        assertThat(IpvsMapping.destination(v, real("10.9.0.2", 8080, Forwarding.GATE, 3), 3))
                .isEqualTo(Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.ROUTE, 3));
        assertThat(IpvsMapping.destination(v, real("10.9.0.2", 8080, Forwarding.IPIP, 3), 3))
                .isEqualTo(Destination.of(ip("10.9.0.2"), 80, ForwardingMethod.TUNNEL, 3));
        assertThat(IpvsMapping.destination(v, real("10.9.0.2", 8080, Forwarding.MASQ, 3), 0))
                .isEqualTo(Destination.of(ip("10.9.0.2"), 8080, ForwardingMethod.MASQ, 0));
    }

    @Test
    void fwmarkRealsKeepTheirOwnPortAndThresholdsAreCarried() {
        VirtualConfig v = Cf.fwm(4, false).build();
        Destination d = IpvsMapping.destination(v, real("10.9.0.3", 0, Forwarding.GATE, 2, 5, 50), 2);
        assertThat(d.port()).isZero();
        assertThat(d.lowerThreshold()).isEqualTo(5);
        assertThat(d.upperThreshold()).isEqualTo(50);
        assertThat(new IpvsOperation.AddDestination(IpvsMapping.serviceKey(v), d).ipvsadmArguments())
                .isEqualTo("-a -f 4 -r 10.9.0.3:0 -g -w 2 -x 50 -y 5");
    }

    @Test
    void fallbackTakesItsPortOrTheVirtualsAndWeightOne() {
        VirtualConfig withPort = Cf.tcp("10.0.1.5", 80).fallback(fallback("127.0.0.1", 8080, Forwarding.MASQ)).build();
        assertThat(IpvsMapping.fallbackDestination(withPort, Globals.DEFAULTS))
                .isEqualTo(Destination.of(ip("127.0.0.1"), 8080, ForwardingMethod.MASQ, 1));
        VirtualConfig noPort = Cf.tcp("10.0.1.5", 80).fallback(fallback("127.0.0.1", null, null)).build();
        assertThat(IpvsMapping.fallbackDestination(noPort, Globals.DEFAULTS))
                .isEqualTo(Destination.of(ip("127.0.0.1"), 80, ForwardingMethod.ROUTE, 1));
        VirtualConfig fwmark = Cf.fwm(10, false).fallback(fallback("127.0.0.1", null, Forwarding.MASQ)).build();
        assertThat(IpvsMapping.fallbackDestination(fwmark, Globals.DEFAULTS))
                .isEqualTo(Destination.of(ip("127.0.0.1"), 0, ForwardingMethod.MASQ, 1));
        assertThat(IpvsMapping.fallbackDestination(Cf.tcp("10.0.1.5", 80).build(), Globals.DEFAULTS)).isNull();
    }

    @Test
    void globalFallbackIsUsedForFwmarkWithPortZero() {
        Globals d = Globals.DEFAULTS;
        Globals g = new Globals(d.checkTimeout(), d.negotiateTimeout(), d.checkInterval(), d.checkCount(), d.failureCount(),
                d.autoreload(), d.callback(), d.logfile(), d.execute(), d.fork(), d.supervised(), d.quiescent(),
                d.readdQuiescent(), d.cleanstop(), fallback("127.0.0.1", null, Forwarding.MASQ), null, null, d.alerts(),
                null, null);
        assertThat(IpvsMapping.fallbackDestination(Cf.fwm(10, false).build(), g))
                .isEqualTo(Destination.of(ip("127.0.0.1"), 0, ForwardingMethod.MASQ, 1));
    }
}
