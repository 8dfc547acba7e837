package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigParserTest {

    private final SiteConfigParser parser = new SiteConfigParser();

    @Test
    void everyDirectiveIsRead() throws Exception {
        SiteConfig c = parser.parse("lvs-director.conf", """
                # IPVS connection sync on the heartbeat link
                sync_interface = eth1
                sync_id=7
                sync_maxlen = 1472   # fits one Ethernet frame
                sync_mcast_group = 239.1.2.3
                sync_mcast_port = 9000
                sync_mcast_ttl = 2
                state_directory = /srv/state
                local_state_directory = /var/local/lvs
                drbd_resource = r1
                drbd_device = /dev/drbd1
                snapshot_interval = 10
                external_check_user = lvscheck
                status_group = lvs-monitor
                """);

        assertThat(c.syncInterface()).contains("eth1");
        assertThat(c.syncEnabled()).isTrue();
        assertThat(c.syncId()).isEqualTo(7);
        assertThat(c.syncMaxLength()).contains(1472);
        assertThat(c.syncGroup().getHostAddress()).isEqualTo("239.1.2.3");
        assertThat(c.syncPort()).isEqualTo(9000);
        assertThat(c.syncTtl()).isEqualTo(2);
        assertThat(c.stateDirectory()).isEqualTo(Path.of("/srv/state"));
        assertThat(c.localStateDirectory()).isEqualTo(Path.of("/var/local/lvs"));
        assertThat(c.drbdResource()).isEqualTo("r1");
        assertThat(c.drbdDevice()).isEqualTo(Path.of("/dev/drbd1"));
        assertThat(c.snapshotInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.externalCheckUser()).contains("lvscheck");
        assertThat(c.statusGroup()).contains("lvs-monitor");
    }

    @Test
    void emptyFileAndMissingFileGiveTheDefaults(@TempDir Path dir) throws Exception {
        assertThat(parser.parse("x", "# nothing\n\n")).isEqualTo(SiteConfig.DEFAULTS);
        assertThat(parser.parse(dir.resolve("absent.conf"))).isEqualTo(SiteConfig.DEFAULTS);
        assertThat(SiteConfig.DEFAULTS.syncEnabled()).isFalse();
        assertThat(SiteConfig.DEFAULTS.syncGroup().getHostAddress()).isEqualTo("224.0.0.81");
        assertThat(SiteConfig.DEFAULTS.syncPort()).isEqualTo(8848);
        assertThat(SiteConfig.DEFAULTS.externalCheckUser()).isEqualTo(Optional.empty());
        assertThat(SiteConfig.DEFAULTS.statusGroup()).isEqualTo(Optional.empty());
    }

    @Test
    void everyErrorOfTheFileIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lvs-director.conf");
        Files.writeString(file, """
                sync_id = 256
                sync_mcast_group = 10.0.0.1
                state_directory = relative/dir
                no equals sign here
                sync_interface = eth1
                sync_interface = eth2
                snapshot_intervall = 5
                sync_mcast_port =
                """);

        assertThatThrownBy(() -> parser.parse(file))
                .isInstanceOfSatisfying(SiteConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigMessage::line).containsExactly(1, 2, 3, 4, 6, 7, 8))
                .hasMessageContaining(file + ":1: sync_id must be a whole number from 0 to 255, got \"256\"")
                .hasMessageContaining(":2: sync_mcast_group must be an IPv4 multicast address")
                .hasMessageContaining(":3: state_directory must be an absolute path")
                .hasMessageContaining(":4: expected \"key = value\", got \"no equals sign here\"")
                .hasMessageContaining(":6: sync_interface is already set at line 5")
                .hasMessageContaining(":7: unknown directive \"snapshot_intervall\"")
                .hasMessageContaining(":8: sync_mcast_port needs a value");
    }

    @Test
    void refusesValuesThatCouldInjectIntoCommands() {
        assertThatThrownBy(() -> parser.parse("f", "status_group = wheel staff\n"))
                .hasMessageContaining("f:1: status_group \"wheel staff\" may only hold");
        assertThatThrownBy(() -> parser.parse("f", "external_check_user = root; rm -rf /\n"))
                .hasMessageContaining("f:1: external_check_user \"root; rm -rf /\" may only hold");
        assertThatThrownBy(() -> parser.parse("f", "sync_interface = a-very-long-interface-name\n"))
                .hasMessageContaining("is not an interface name");
    }

    @Test
    void alertMailSettingsAreReadWithSeveralRecipients() throws Exception {
        SiteConfig c = parser.parse("lvs-director.conf", """
                alert_mail_to = ops@example.org, oncall+drbd@example.net   # both get the split-brain mail
                alert_mail_from = drbd@nodea.example.org
                alert_sendmail = /usr/lib/sendmail
                """);

        assertThat(c.alertMail()).isEqualTo(new SiteConfig.AlertMail(
                java.util.List.of("ops@example.org", "oncall+drbd@example.net"), Optional.of("drbd@nodea.example.org"),
                Path.of("/usr/lib/sendmail")));
        assertThat(SiteConfig.DEFAULTS.alertMail()).isEqualTo(new SiteConfig.AlertMail(java.util.List.of(),
                Optional.empty(), Path.of("/usr/sbin/sendmail")));
    }

    @Test
    void badAlertMailSettingsNameFileAndLine() {
        assertThatThrownBy(() -> parser.parse("site.conf", """
                # alerts
                alert_mail_to = Ops <ops@example.org>
                alert_mail_from = drbd@example.org; rm -rf /
                alert_sendmail = sendmail
                """))
                .isInstanceOfSatisfying(SiteConfigException.class, e -> assertThat(e.errors())
                        .extracting(ConfigMessage::line).containsExactly(2, 3, 4))
                .hasMessageContaining("site.conf:2: alert_mail_to \"Ops <ops@example.org>\" is not a plain e-mail address")
                .hasMessageContaining("site.conf:3: alert_mail_from \"drbd@example.org; rm -rf /\" is not a plain e-mail")
                .hasMessageContaining("site.conf:4: alert_sendmail must be an absolute path, got \"sendmail\"");
        assertThatThrownBy(() -> parser.parse("site.conf", "alert_mail_to = ops@example.org,\n"))
                .hasMessageContaining("site.conf:1: alert_mail_to \"ops@example.org,\" has an empty address");
    }
}
