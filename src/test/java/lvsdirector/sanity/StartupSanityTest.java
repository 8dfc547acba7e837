package lvsdirector.sanity;

import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.config.ConfigParser;
import lvsdirector.config.DirectorConfig;
import lvsdirector.config.ParseMode;
import lvsdirector.config.ParseResult;
import lvsdirector.config.ParserOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class StartupSanityTest {
    private static final String MODULES_OF_A_DIRECTOR = """
            ip_vs_wrr 16384 2 - Live 0x0000000000000000
            ip_vs_rr 16384 1 - Live 0x0000000000000000
            ip_vs 176128 7 ip_vs_wrr,ip_vs_rr, Live 0x0000000000000000
            nf_conntrack 172032 1 ip_vs, Live 0x0000000000000000
            nf_defrag_ipv6 24576 2 ip_vs,nf_conntrack, Live 0x0000000000000000
            """;

    static DirectorConfig config(String text) {
        ParseResult r = new ConfigParser(ParserOptions.system())
                .parseText(Path.of("/etc/ha.d/t.cf"), "/etc/ha.d/t.cf", text, ParseMode.FIRST_ERROR);
        assertThat(r.errors()).as("config errors").isEmpty();
        return r.config();
    }

    static final DirectorConfig MASQ = config("""
            virtual=10.0.0.1:80
            \treal=10.0.1.1:80 masq
            \treal=10.0.1.2:80 gate
            \tscheduler=rr
            virtual=10.0.0.2:80
            \treal=10.0.1.3:80 gate
            \tscheduler=rr
            """);

    /** A host where nothing is wrong for MASQ. */
    static FakeSystemFiles healthyHost() {
        return new FakeSystemFiles()
                .with(ForwardingCheck.IPV4, "1\n")
                .with(ForwardingCheck.IPV6, "0\n")
                .with(ConntrackCheck.VS_CONNTRACK, "0\n")
                .with(ConntrackCheck.CONNTRACK_COUNT, "0\n")
                .with(QuiescentTemplateCheck.EXPIRE, "0\n")
                .with(KernelModules.PROC_MODULES, MODULES_OF_A_DIRECTOR)
                .with(KernelModules.OS_RELEASE, "6.1.0-test\n")
                .with("/lib/modules/6.1.0-test/modules.dep",
                        "kernel/net/netfilter/ipvs/ip_vs_rr.ko.xz: kernel/net/netfilter/ipvs/ip_vs.ko.xz\n"
                                + "kernel/net/netfilter/ipvs/ip_vs_sh.ko.xz: kernel/net/netfilter/ipvs/ip_vs.ko.xz\n")
                .with("/lib/modules/6.1.0-test/modules.builtin", "kernel/net/netfilter/ipvs/ip_vs_lc.ko\n");
    }

    @Test
    void aHealthyHostHasNoFindings() {
        assertThat(StartupSanity.findings(MASQ, healthyHost())).isEmpty();
    }

    @Test
    void forwardingOffWithMasqRealsIsReportedWithTheFix() {
        FakeSystemFiles host = healthyHost().with(ForwardingCheck.IPV4, "0\n");
        assertThat(StartupSanity.findings(MASQ, host)).containsExactly(new Finding(
                "net.ipv4.ip_forward=0 but tcp:10.0.0.1:80 use masq real servers, whose replies this host must"
                        + " forward back to the clients",
                "sysctl -w net.ipv4.ip_forward=1 (and set it in /etc/sysctl.conf)"));
    }

    @Test
    void forwardingIsCheckedPerFamilyAndOnlyForMasq() {
        DirectorConfig gateOnly = config("virtual=10.0.0.2:80\n\treal=10.0.1.3:80 gate\n\tscheduler=rr\n");
        assertThat(StartupSanity.findings(gateOnly, healthyHost().with(ForwardingCheck.IPV4, "0"))).isEmpty();
        DirectorConfig v6 = config("virtual6=[fd00::1]:80\n\treal6=[fd00:2::1]:80 masq\n\tscheduler=rr\n");
        List<Finding> v6Findings = StartupSanity.findings(v6, healthyHost().with(ForwardingCheck.IPV4, "0"));
        assertThat(v6Findings).hasSize(1);
        assertThat(v6Findings.get(0).problem()).startsWith("net.ipv6.conf.all.forwarding=0 but tcp:[fd00::1]:80 ");
        assertThat(v6Findings.get(0).fix()).isEqualTo("sysctl -w net.ipv6.conf.all.forwarding=1 (and set it in"
                + " /etc/sysctl.conf)");
        assertThat(StartupSanity.findings(v6, healthyHost().with(ForwardingCheck.IPV6, "1"))).isEmpty();
    }

    @Test
    void aMasqFallbackNeedsForwardingToo() {
        DirectorConfig fallback = config("virtual=10.0.0.4:80\n\treal=10.0.1.3:80 gate\n\tscheduler=rr\n"
                + "\tfallback=10.0.9.9:80 masq\n");
        assertThat(StartupSanity.findings(fallback, healthyHost().with(ForwardingCheck.IPV4, "0")))
                .extracting(Finding::problem).singleElement().asString().contains("tcp:10.0.0.4:80");
    }

    @Test
    void conntrackOffIsReportedForEachKindOfEvidence() {
        assertThat(conntrackEvidence(healthyHost().with("/proc/net/ip_tables_names", "filter\nnat\n")))
                .isEqualTo("nat table in /proc/net/ip_tables_names");
        assertThat(conntrackEvidence(healthyHost().with(KernelModules.PROC_MODULES, MODULES_OF_A_DIRECTOR
                + "nf_nat 49152 2 nft_chain_nat,ip_vs_ftp, Live 0x0\n")))
                .isEqualTo("nf_nat used by nft_chain_nat");
        assertThat(conntrackEvidence(healthyHost().with(KernelModules.PROC_MODULES, MODULES_OF_A_DIRECTOR
                + "xt_conntrack 16384 3 - Live 0x0\n")))
                .isEqualTo("module xt_conntrack loaded");
        assertThat(conntrackEvidence(healthyHost().withDirectory("/sys/module/nft_ct")))
                .isEqualTo("module nft_ct loaded");
        assertThat(conntrackEvidence(healthyHost().with(ConntrackCheck.CONNTRACK_COUNT, "12\n")))
                .isEqualTo("12 connections tracked by netfilter");
    }

    private static String conntrackEvidence(FakeSystemFiles host) {
        List<Finding> findings = StartupSanity.findings(MASQ, host);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).fix()).startsWith("sysctl -w net.ipv4.vs.conntrack=1");
        String problem = findings.get(0).problem();
        assertThat(problem).startsWith("net.ipv4.vs.conntrack=0 while this host uses connection tracking (")
                .endsWith("): stateful firewall and NAT rules will not match IPVS traffic");
        return problem.substring(problem.indexOf('(') + 1, problem.lastIndexOf(')'));
    }

    @Test
    void conntrackIsNotReportedWithoutEvidenceOrWhenOn() {
        FakeSystemFiles onlyIpvsOwnNeeds = healthyHost()
                .with("/proc/net/ip_tables_names", "filter\n")
                .with(KernelModules.PROC_MODULES, MODULES_OF_A_DIRECTOR + "nf_nat 49152 1 ip_vs_ftp, Live 0x0\n");
        assertThat(StartupSanity.findings(MASQ, onlyIpvsOwnNeeds)).isEmpty();
        FakeSystemFiles trackingOn = healthyHost().with(ConntrackCheck.VS_CONNTRACK, "1")
                .with(ConntrackCheck.CONNTRACK_COUNT, "40");
        assertThat(StartupSanity.findings(MASQ, trackingOn)).isEmpty();
        FakeSystemFiles garbledCount = healthyHost().with(ConntrackCheck.CONNTRACK_COUNT, "many");
        assertThat(StartupSanity.findings(MASQ, garbledCount)).isEmpty();
    }

    @Test
    void persistentQuiescentServicesNeedTemplateExpiry() {
        DirectorConfig persistent = config("""
                quiescent=yes
                virtual=10.0.0.5:443
                \treal=10.0.1.1:443 gate
                \tscheduler=rr
                \tpersistent=600
                virtual=10.0.0.6:443
                \treal=10.0.1.1:443 gate
                \tscheduler=rr
                \tpersistent=600
                \tquiescent=no
                virtual=10.0.0.7:443
                \treal=10.0.1.1:443 gate
                \tscheduler=rr
                """);
        assertThat(StartupSanity.findings(persistent, healthyHost())).containsExactly(new Finding(
                "net.ipv4.vs.expire_quiescent_template=0 but tcp:10.0.0.5:443 are persistent with quiescent=yes:"
                        + " clients stay bound to a failed real server until their persistence times out",
                "sysctl -w net.ipv4.vs.expire_quiescent_template=1 (and set it in /etc/sysctl.conf)"));
        assertThat(StartupSanity.findings(persistent,
                healthyHost().with(QuiescentTemplateCheck.EXPIRE, "1"))).isEmpty();
    }

    @Test
    void aSchedulerThatTheKernelCannotLoadIsReported() {
        DirectorConfig schedulers = config("""
                virtual=10.0.0.1:80
                \treal=10.0.1.1:80 gate
                \tscheduler=sh
                virtual=10.0.0.2:80
                \treal=10.0.1.1:80 gate
                \tscheduler=lc
                virtual=10.0.0.3:80
                \treal=10.0.1.1:80 gate
                \tscheduler=wrr
                virtual=10.0.0.4:80
                \treal=10.0.1.1:80 gate
                \tscheduler=twos
                virtual=10.0.0.5:80
                \treal=10.0.1.1:80 gate
                \tscheduler=twos
                """);
        // sh installable, lc built in, wrr loaded, twos nowhere
        assertThat(StartupSanity.findings(schedulers, healthyHost())).containsExactly(new Finding(
                "scheduler twos (used by tcp:10.0.0.4:80, tcp:10.0.0.5:80) is neither loaded nor installed for this"
                        + " kernel: adding those services will fail",
                "install a kernel with module ip_vs_twos, or choose another scheduler= for them"));
        FakeSystemFiles unknownModules = healthyHost().with("/lib/modules/6.1.0-test/modules.dep", null);
        assertThat(StartupSanity.findings(schedulers, unknownModules)).isEmpty();
        FakeSystemFiles loaded = healthyHost().with(KernelModules.PROC_MODULES,
                MODULES_OF_A_DIRECTOR + "ip_vs_twos 16384 0 - Live 0x0\n");
        assertThat(StartupSanity.findings(schedulers, loaded)).isEmpty();
    }

    @Test
    void findingsAreLoggedOneLineEachAndOnlyForTheKernelBackend() {
        Finding f = new Finding("x is off", "turn x on");
        assertThat(f.logLine()).isEqualTo("Warning: x is off; fix: turn x on");
        List<String> lines = new ArrayList<>();
        StartupSanity.report(MASQ, "in-memory", lines::add);
        assertThat(lines).isEmpty();
    }

    @Test
    void hostFilesAreReadBelowTheirRoot(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc/sys/net/ipv4"));
        Files.writeString(root.resolve("proc/sys/net/ipv4/ip_forward"), " 0 \n");
        SystemFiles files = SystemFiles.under(root);
        assertThat(files.value("/proc/sys/net/ipv4/ip_forward")).contains("0");
        assertThat(files.read("/proc/sys/net/ipv4/missing")).isEmpty();
        assertThat(files.read("/proc/sys/net/ipv4")).as("a directory has no text").isEmpty();
        assertThat(files.exists("/proc/sys/net")).isTrue();
        assertThat(files.exists("/sys/module/ip_vs")).isFalse();
    }
}
