package lvsdirector.check.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import lvsdirector.support.LocalAccounts;
import lvsdirector.support.ProcessCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whom external checks run as, decided from the process's credentials, the account files and setpriv. */
class ExternalRunAsTest {
    private static final LocalAccounts ACCOUNTS = new LocalAccounts("""
            root:x:0:0:root:/root:/bin/bash
            lvs-director:x:998:998::/nonexistent:/usr/sbin/nologin
            lvscheck:x:997:996::/nonexistent:/usr/sbin/nologin
            """, "");
    private static final long ALL = 0x1ff_ffff_ffffL;
    private static final long NET_ADMIN_AND_RAW = (1L << ProcessCredentials.CAP_NET_ADMIN) | (1L << ProcessCredentials.CAP_NET_RAW);
    private static final ProcessCredentials ROOT = new ProcessCredentials(0, 0, ALL, 0);
    /** The hardened unit: an unprivileged user with ambient CAP_NET_ADMIN and CAP_NET_RAW. */
    private static final ProcessCredentials UNIT = new ProcessCredentials(998, 998, NET_ADMIN_AND_RAW, NET_ADMIN_AND_RAW);

    @TempDir
    Path dir;

    /** An executable stand-in: only its presence is checked here. */
    private Path setpriv() throws Exception {
        Path file = dir.resolve("setpriv");
        if (Files.notExists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        return file;
    }

    @Test
    void rootSwitchesToTheConfiguredUserAndDropsInheritableCapabilities() throws Exception {
        Path setpriv = setpriv();
        ExternalRunAs runAs = ExternalRunAs.resolve(Optional.of("lvscheck"), ROOT, ACCOUNTS, setpriv);
        assertThat(runAs.command(List.of("/usr/local/bin/check", "10.0.0.1", "80", "10.0.0.2", "80"))).containsExactly(
                setpriv.toString(), "--reuid=997", "--regid=996", "--init-groups", "--inh-caps=-all", "--",
                "/usr/local/bin/check", "10.0.0.1", "80", "10.0.0.2", "80");
        assertThat(runAs.description()).isEqualTo("as lvscheck (uid 997, gid 996) without capabilities");
    }

    @Test
    void anUnprivilegedDirectorCannotSwitchAndSaysWhy() throws Exception {
        Path setpriv = setpriv();
        assertThatThrownBy(() -> ExternalRunAs.resolve(Optional.of("lvscheck"), UNIT, ACCOUNTS, setpriv))
                .isInstanceOf(ExternalRunAs.UnavailableException.class)
                .hasMessage("external_check_user lvscheck: the director runs as uid 998 without CAP_SETUID and CAP_SETGID, "
                        + "so it cannot start checks as another user; run the director as root, or drop external_check_user "
                        + "(the checks then run as the director's user)");
    }

    @Test
    void anUnknownUserOrAMissingSetprivIsAStartUpError() throws Exception {
        assertThatThrownBy(() -> ExternalRunAs.resolve(Optional.of("nosuchuser"), ROOT, ACCOUNTS, setpriv()))
                .hasMessage("external_check_user nosuchuser: no such user in /etc/passwd");
        Path missing = dir.resolve("absent/setpriv");
        assertThatThrownBy(() -> ExternalRunAs.resolve(Optional.of("lvscheck"), ROOT, ACCOUNTS, missing))
                .hasMessage("external_check_user lvscheck: " + missing + " (util-linux) is missing; it is needed to start "
                        + "the checks as another user");
    }

    @Test
    void theDirectorsOwnAmbientCapabilitiesNeverReachACheck() throws Exception {
        Path setpriv = setpriv();
        ExternalRunAs unconfigured = ExternalRunAs.resolve(Optional.empty(), UNIT, ACCOUNTS, setpriv);
        assertThat(unconfigured.command(List.of("c"))).containsExactly(setpriv.toString(), "--inh-caps=-all", "--", "c");
        ExternalRunAs self = ExternalRunAs.resolve(Optional.of("lvs-director"), UNIT, ACCOUNTS, setpriv);
        assertThat(self.command(List.of("c"))).containsExactly(setpriv.toString(), "--inh-caps=-all", "--", "c");
        assertThat(self.description()).isEqualTo("as lvs-director (the director's own user), without its capabilities");
        assertThat(ExternalRunAs.resolve(Optional.empty(), UNIT, ACCOUNTS, dir.resolve("absent")).description())
                .contains("WITH the director's ambient capabilities");
    }

    @Test
    void withoutAUserOrAmbientCapabilitiesTheCommandRunsAsItIs() throws Exception {
        ExternalRunAs runAs = ExternalRunAs.resolve(Optional.empty(), ROOT, ACCOUNTS, setpriv());
        assertThat(runAs.command(List.of("c", "1"))).containsExactly("c", "1");
        assertThat(ExternalRunAs.resolve(Optional.of("root"), ROOT, ACCOUNTS, setpriv()).prefix()).isEmpty();
    }
}
