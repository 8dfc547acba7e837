package lvsdirector.heartbeat.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import lvsdirector.heartbeat.config.Resource;
import lvsdirector.heartbeat.resource.ResourceAgent;
import lvsdirector.heartbeat.resource.ResourceException;
import lvsdirector.netlink.rtnl.Link;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** start/stop/running against an in-memory host, with the announcement runs recorded instead of sent. */
class VipAgentTest {
    private final FakeVipHost host = new FakeVipHost();
    private final RecordingAnnouncements announcements = new RecordingAnnouncements();
    private final VipAgents agents = new VipAgents(host, announcements);
    private Link eth0;

    @BeforeEach
    void host() throws Exception {
        host.link(1, "lo", "00:00:00:00:00:00");
        eth0 = host.link(2, "eth0", "4e:1b:f7:c6:8a:dc");
        host.address(eth0, "10.200.0.1", 24, "eth0");
        host.address(eth0, "2001:db8::1", 64, null);
        host.route("eth0", "10.200.0.0", 24, false, 0);
    }

    private ResourceAgent agent(String script, String argument) throws ResourceException {
        return agents.agentFor(new Resource(script + "::" + argument, script, List.of(argument))).orElseThrow();
    }

    @Test
    void ipaddrStartAddsAnAliasAndAnnouncesTenPairsAtQuarterSeconds() throws Exception {
        ResourceAgent vip = agent("IPaddr", "10.200.0.100");
        assertThat(vip.running()).isFalse();
        vip.start();
        assertThat(vip.running()).isTrue();
        assertThat(host.calls).containsExactly("add 10.200.0.100/24 dev 2 brd 10.200.0.255 label eth0:0", "frames on eth0");
        RecordingAnnouncements.Run run = announcements.runs.get(0);
        assertThat(run.spacing).isEqualTo(Duration.ofMillis(250));
        assertThat(run.frames).hasSize(20);
        String request = "ffffffffffff4e1bf7c68adc080600010800060400014e1bf7c68adc0ac800640000000000000ac80064";
        String reply = "ffffffffffff4e1bf7c68adc080600010800060400024e1bf7c68adc0ac800644e1bf7c68adc0ac80064";
        for (int i = 0; i < 20; i++) {
            assertThat(HexFormat.of().formatHex(run.frames.get(i))).isEqualTo(i % 2 == 0 ? request : reply);
        }
    }

    @Test
    void ipaddr2AnnouncesFivePairsAtATenthOfASecond() throws Exception {
        agent("IPaddr2", "10.200.0.100/24/eth0").start();
        assertThat(host.calls.get(0)).isEqualTo("add 10.200.0.100/24 dev 2");
        assertThat(announcements.runs.get(0).frames).hasSize(10);
        assertThat(announcements.runs.get(0).spacing).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void ipv6addrAnnouncesFiveAdvertisements() throws Exception {
        ResourceAgent vip = agent("IPv6addr", "2001:db8::100/64/eth0");
        vip.start();
        assertThat(host.calls.get(0)).isEqualTo("add 2001:db8:0:0:0:0:0:100/64 dev 2");
        assertThat(announcements.runs.get(0).frames).hasSize(5).allSatisfy(f -> assertThat(f).hasSize(Frames.NA_FRAME_LENGTH));
        assertThat(announcements.runs.get(0).spacing).isEqualTo(Duration.ofMillis(200));
        assertThat(vip.running()).isTrue();
        vip.stop();
        assertThat(vip.running()).isFalse();
    }

    @Test
    void startIsIdempotentAndDoesNotAnnounceAgain() throws Exception {
        ResourceAgent vip = agent("IPaddr", "10.200.0.100");
        vip.start();
        vip.start();
        assertThat(host.calls).hasSize(2);
        assertThat(announcements.runs).hasSize(1);
    }

    @Test
    void stopCancelsTheAnnouncementAndDeletesTheAddressOnce() throws Exception {
        ResourceAgent vip = agent("IPaddr", "10.200.0.100/24/eth0");
        vip.start();
        vip.stop();
        assertThat(announcements.runs.get(0).cancelled).isTrue();
        assertThat(vip.running()).isFalse();
        assertThat(host.calls).contains("del 10.200.0.100/24 dev 2");
        host.calls.clear();
        vip.stop();
        assertThat(host.calls).isEmpty();
    }

    @Test
    void stopFindsTheAddressEvenWhenTheRouteIsGoneButLeavesLoopbackAlone() throws Exception {
        Link lo = host.links.get(0);
        host.address(eth0, "10.200.0.100", 24, "eth0:0");
        host.address(lo, "10.200.0.100", 32, "lo");
        host.routes.clear();
        agent("IPaddr2", "10.200.0.100").stop();
        assertThat(host.calls).containsExactly("del 10.200.0.100/24 dev 2");
    }

    @Test
    void failuresNameTheResourceAndAction() throws Exception {
        ResourceAgent vip = agent("IPaddr", "172.16.9.9");
        assertThatThrownBy(vip::start).isInstanceOf(ResourceException.class)
                .hasMessageContaining("IPaddr::172.16.9.9").hasMessageContaining("no route to 172.16.9.9");
        assertThat(vip.running()).isFalse();
        host.failure = new IOException("add 10.200.0.100/24 to interface index 2: EPERM (1): operation not permitted");
        ResourceAgent other = agent("IPaddr", "10.200.0.100");
        assertThatThrownBy(other::start).hasMessageContaining("IPaddr::10.200.0.100 start: add").hasMessageContaining("EPERM");
        assertThatThrownBy(other::running).hasMessageContaining("status");
    }

    @Test
    void onlyAddressScriptsAreBuiltIn() throws Exception {
        assertThat(agents.agentFor(new Resource("apache", "apache", List.of()))).isEmpty();
        assertThat(agents.agentFor(new Resource("ldirectord::ldirectord.cf", "ldirectord", List.of("ldirectord.cf")))).isEmpty();
        assertThat(agents.agentFor(new Resource("10.200.0.100", "IPaddr", List.of("10.200.0.100")))).get()
                .extracting(ResourceAgent::name).isEqualTo("10.200.0.100");
        assertThatThrownBy(() -> agents.agentFor(new Resource("IPaddr::1.2.3.4::x", "IPaddr", List.of("1.2.3.4", "x"))))
                .hasMessageContaining("takes exactly one argument");
        assertThatThrownBy(() -> agents.agentFor(new Resource("IPaddr2::1.2.3", "IPaddr2", List.of("1.2.3"))))
                .hasMessageContaining("IPaddr2::1.2.3: IPaddr2 [1.2.3]: [1.2.3] is not an IPv4 address");
    }

    /** Records runs instead of sending. */
    static final class RecordingAnnouncements implements Announcements {
        final List<Run> runs = new ArrayList<>();

        @Override
        public Running start(String name, SenderOpener opener, List<byte[]> frames, Duration spacing) {
            Run run = new Run(frames, spacing);
            runs.add(run);
            try {
                opener.open().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return run;
        }

        static final class Run implements Running {
            final List<byte[]> frames;
            final Duration spacing;
            boolean cancelled;

            Run(List<byte[]> frames, Duration spacing) {
                this.frames = frames;
                this.spacing = spacing;
            }

            @Override
            public void cancel() {
                cancelled = true;
            }

            @Override
            public int framesSent() {
                return 0;
            }

            @Override
            public boolean finished() {
                return cancelled;
            }
        }
    }
}
