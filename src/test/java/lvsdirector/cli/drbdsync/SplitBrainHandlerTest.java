package lvsdirector.cli.drbdsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lvsdirector.state.SplitBrainMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drbd-sync/handlers/split-brain as DRBD runs it: its environment, the marker, the mail. */
class SplitBrainHandlerTest {
    static final Path HANDLER = Path.of(System.getProperty("project.basedir", ".")).resolve("drbd-sync/handlers/split-brain");

    @TempDir
    Path dir;

    private int run(List<String> args, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of(HANDLER.toString())));
        pb.command().addAll(args);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("handler.out").toFile());
        return pb.start().waitFor();
    }

    private Path site() throws Exception {
        Path conf = dir.resolve("lvs-director.conf");
        Files.writeString(conf, "# site\nlocal_state_directory = " + dir.resolve("local") + "   # node-local\n");
        return conf;
    }

    @Test
    void leavesTheMarkerTheStatusCommandReadsAndMailsTheAlert() throws Exception {
        Path sendmail = dir.resolve("sendmail");
        Files.writeString(sendmail, "#!/bin/sh\necho \"$@\" > " + dir.resolve("argv") + "\ncat > " + dir.resolve("mail.tmp")
                + "\nmv " + dir.resolve("mail.tmp") + " " + dir.resolve("mail") + "\n");
        Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwx------"));
        int rc = run(List.of("--config", site().toString(), "--mail-to", "ops@example.com", "--mail-from", "drbd@example.com"),
                Map.of("DRBD_RESOURCE", "r7", "DRBD_PEER", "nodea", "DRBD_PEER_ADDRESS", "192.168.77.1", "DRBD_MINOR", "0",
                        "LVS_DIRECTOR_SENDMAIL", sendmail.toString()));
        assertThat(rc).isZero();
        Optional<SplitBrainMarker> marker = SplitBrainMarker.read(dir.resolve("local"), "r7");
        assertThat(marker).isPresent();
        assertThat(marker.get().message()).startsWith("DRBD r7: split brain detected on ")
                .contains(" with peer nodea (192.168.77.1)").endsWith("run 'drbd-sync status' for the recovery");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("mail")));
        assertThat(Files.readString(dir.resolve("argv")).strip()).isEqualTo("-t");
        assertThat(Files.readString(dir.resolve("mail"))).startsWith("From: drbd@example.com\nTo: ops@example.com\n"
                + "Subject: [lvs-director] DRBD r7 split brain on ").contains("\n\n" + marker.get().message() + "\n");
    }

    @Test
    void withoutAnAddressNoMailIsSentAndAMissingConfigStillLeavesTheMarkerWhereConfigured() throws Exception {
        Path sendmail = dir.resolve("sendmail");
        Files.writeString(sendmail, "#!/bin/sh\ntouch " + dir.resolve("called") + "\n");
        Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwx------"));
        int rc = run(List.of("split-brain", "--config", site().toString()),
                Map.of("DRBD_RESOURCE", "r0", "LVS_DIRECTOR_SENDMAIL", sendmail.toString()));
        assertThat(rc).isZero();
        assertThat(SplitBrainMarker.read(dir.resolve("local"), "r0")).get()
                .satisfies(m -> assertThat(m.message()).contains("with peer unknown;"));
        Thread.sleep(300);
        assertThat(dir.resolve("called")).doesNotExist();
        assertThat(Files.readString(dir.resolve("handler.out"))).isEmpty();
    }

    private Path recordingSendmail() throws Exception {
        Path sendmail = dir.resolve("sendmail");
        Files.writeString(sendmail, "#!/bin/sh\ncat > " + dir.resolve("mail.tmp") + "\nmv " + dir.resolve("mail.tmp") + " "
                + dir.resolve("mail") + "\n");
        Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwx------"));
        return sendmail;
    }

    @Test
    void withoutMailToOnTheCommandLineTheSiteConfigsAlertSettingsAreUsed() throws Exception {
        Path conf = dir.resolve("lvs-director.conf");
        Files.writeString(conf, "local_state_directory = " + dir.resolve("local") + "\n"
                + "alert_mail_to = ops@example.org, oncall@example.net   # both\n"
                + "alert_mail_from = drbd@example.org\n"
                + "alert_sendmail = " + recordingSendmail() + "\n");
        int rc = run(List.of("--config", conf.toString()), Map.of("DRBD_RESOURCE", "r0", "DRBD_PEER", "nodea"));
        assertThat(rc).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("mail")));
        assertThat(Files.readString(dir.resolve("mail"))).startsWith("From: drbd@example.org\n"
                + "To: ops@example.org, oncall@example.net\nSubject: [lvs-director] DRBD r0 split brain on ");
    }

    @Test
    void theCommandLinesAddressesWinOverTheSiteConfigs() throws Exception {
        Path conf = dir.resolve("lvs-director.conf");
        Files.writeString(conf, "local_state_directory = " + dir.resolve("local") + "\n"
                + "alert_mail_to = ops@example.org\nalert_mail_from = drbd@example.org\n"
                + "alert_sendmail = " + recordingSendmail() + "\n");
        int rc = run(List.of("--config", conf.toString(), "--mail-to", "night@example.com", "--mail-from", "b@example.com"),
                Map.of("DRBD_RESOURCE", "r0"));
        assertThat(rc).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("mail")));
        assertThat(Files.readString(dir.resolve("mail"))).startsWith("From: b@example.com\nTo: night@example.com\n");
    }
}
