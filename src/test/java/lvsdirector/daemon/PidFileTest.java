package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
    @TempDir
    Path dir;

    private PidFile pidFileWithProc(String cmdlineOf42) throws Exception {
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve("42"));
        Files.write(proc.resolve("42/cmdline"), cmdlineOf42.replace(' ', '\0').getBytes());
        return new PidFile(dir.resolve("run/ldirectord.www.cf.pid"), proc);
    }

    @Test
    void liveOnlyWhenTheProcessCommandLineContainsLdirectord() throws Exception {
        PidFile live = pidFileWithProc("java -Dlvsdirector.program=ldirectord -cp x Main");
        live.write(42);
        assertThat(Files.readString(live.path())).isEqualTo("42\n");
        assertThat(live.livePid()).hasValue(42);

        PidFile stale = pidFileWithProc("/usr/bin/sleep 100");
        assertThat(stale.livePid()).isEmpty();
        assertThat(stale.exists()).isTrue();
    }

    @Test
    void aFileNamingTheReaderItselfIsStale() throws Exception {
        long self = ProcessHandle.current().pid();
        Path proc = dir.resolve("proc");
        Files.createDirectories(proc.resolve(Long.toString(self)));
        Files.write(proc.resolve(self + "/cmdline"), "java\0-Dlvsdirector.program=ldirectord".getBytes());
        PidFile pidFile = new PidFile(dir.resolve("run/ldirectord.www.cf.pid"), proc);
        pidFile.write(self);
        assertThat(pidFile.livePid()).as("left by an earlier run as pid 1 of a namespace").isEmpty();
    }

    @Test
    void missingProcessOrGarbageIsNotLive() throws Exception {
        PidFile pidFile = new PidFile(dir, "ldirectord");
        assertThat(pidFile.path().getFileName().toString()).isEqualTo("ldirectord.ldirectord.pid");
        assertThat(pidFile.livePid()).isEmpty();
        Files.writeString(pidFile.path(), "not a pid\n");
        assertThat(pidFile.read()).isEmpty();
    }

    @Test
    void neverRemovesAnotherDaemonsFile() throws Exception {
        PidFile pidFile = pidFileWithProc("ldirectord");
        pidFile.write(42);
        pidFile.removeIfOwnedBy(7);
        assertThat(pidFile.path()).exists();
        pidFile.removeIfOwnedBy(42);
        assertThat(pidFile.path()).doesNotExist();
    }
}
