package lvsdirector.director;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.lib.DnsCheck;
import lvsdirector.check.lib.LdapCheck;
import lvsdirector.check.lib.RadiusCheck;
import lvsdirector.check.lib.SqlCheck;
import lvsdirector.config.AlertSettings;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.CheckType;
import lvsdirector.config.Forwarding;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualAddress;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CheckPlanner's mapping of dns, radius, ldap(s), mysql, pgsql and oracle to the library check specs. */
class LibraryCheckPlanningTest {
    private static final InetAddress VIP = address("10.0.0.1");
    private static final InetAddress RIP = address("10.9.0.2");

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** checktimeout 3, negotiatetimeout 7: each service must pick ldirectord's one. */
    private static CheckSettings settings(ServiceType service, String request, String receive, String login,
                                          String passwd, String database, String secret) {
        return new CheckSettings(CheckType.NEGOTIATE, 0, service, null, request, receive, login, passwd, database,
                secret, null, null, null, null, 3, 7, null, null);
    }

    private static CheckSpec plan(int port, VirtualProtocol protocol, CheckSettings check) {
        VirtualConfig virtual = new VirtualConfig(1, new VirtualAddress.HostPort("10.0.0.1", VIP,
                Integer.toString(port), port), false, protocol, List.of(), check,
                new SchedulingSettings("wrr", null, null, null, false), null, null, null, null, AlertSettings.UNSET,
                null, null, null);
        RealConfig real = new RealConfig(2, "10.9.0.2", RIP, 0, Forwarding.GATE, 1, null, null, 0, 0);
        return CheckPlanner.plan(virtual, real, Globals.DEFAULTS).spec();
    }

    @Test
    void dnsUsesTheProtocolTheStrippedRequestAndNegotiateTimeout() {
        CheckSettings s = settings(ServiceType.DNS, "/www.example.com", "10\\.1", null, null, null, null);
        assertThat(plan(53, VirtualProtocol.UDP, s)).isEqualTo(new DnsCheck(RIP, 53, false, "www.example.com", "10\\.1",
                Duration.ofSeconds(7)));
        assertThat(((DnsCheck) plan(53, VirtualProtocol.TCP, s)).tcp()).isTrue();
    }

    @Test
    void radiusUsesSecretLoginPasswdAndCheckTimeout() {
        CheckSpec spec = plan(1812, VirtualProtocol.UDP, settings(ServiceType.RADIUS, "/", "", "alice", "pw", null,
                "s3cret"));
        assertThat(spec).isEqualTo(new RadiusCheck(RIP, 1812, "s3cret", "alice", "pw", Duration.ofSeconds(3)));
        assertThat(spec.toString()).doesNotContain("s3cret").doesNotContain("pw,");
    }

    @Test
    void ldapsSearchesTheRequestWithoutItsSlash() {
        CheckSpec spec = plan(636, VirtualProtocol.TCP, settings(ServiceType.LDAPS, "/dc=example,dc=com", "example",
                "cn=admin", "pw", null, null));
        assertThat(spec).isEqualTo(new LdapCheck(RIP, 636, true, "cn=admin", "pw", "dc=example,dc=com", "example",
                Duration.ofSeconds(3)));
    }

    @Test
    void ldapDefaultRequestSearchesTheRootDse() {
        LdapCheck spec = (LdapCheck) plan(389, VirtualProtocol.TCP, settings(ServiceType.LDAP, "/", "", null, null,
                null, null));
        assertThat(spec.base()).isEmpty();
        assertThat(spec.simpleBind()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SqlCheck.Engine.class)
    void databasesGetDatabaseLoginAndQuery(SqlCheck.Engine engine) {
        ServiceType service = ServiceType.valueOf(engine.name());
        CheckSpec spec = plan(service.defaultPort(), VirtualProtocol.TCP, settings(service, "/SELECT 1", "",
                "checker", "pw", "lvs", null));
        assertThat(spec).isEqualTo(new SqlCheck(engine, RIP, service.defaultPort(), "lvs", "checker", "pw", "SELECT 1",
                Duration.ofSeconds(7)));
        assertThat(((SqlCheck) spec).complete()).isTrue();
    }

    @Test
    void databaseWithoutRequestIsIncomplete() {
        SqlCheck spec = (SqlCheck) plan(3306, VirtualProtocol.TCP, settings(ServiceType.MYSQL, "/", "", "checker",
                "pw", "lvs", null));
        assertThat(spec.complete()).isFalse();
        assertThat(spec.missingSettingsMessage()).isEqualTo("Error: Must specify a login and request string for MySQL,"
                + " Oracle and PostgreSQL checks. Not adding 10.9.0.2.");
    }

    @Test
    void invalidReceiveRegexIsRejected() {
        assertThatThrownBy(() -> plan(53, VirtualProtocol.UDP, settings(ServiceType.DNS, "/x", "(", null, null, null,
                null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receive");
    }
}
