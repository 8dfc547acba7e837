package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChangeWatcherTest {
    @TempDir
    Path dir;

    @Test
    void reportsAContentChangeOnceAndIgnoresATouchWithoutChange() throws Exception {
        Path file = dir.resolve("ldirectord.cf");
        Files.writeString(file, "checkinterval=5\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        FileChangeWatcher watcher = new FileChangeWatcher(file);
        assertThat(watcher.poll()).isFalse();

        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:05Z")));
        assertThat(watcher.poll()).as("touched, same content").isFalse();

        Files.writeString(file, "checkinterval=6\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:09Z")));
        assertThat(watcher.poll()).isTrue();
        assertThat(watcher.poll()).isFalse();
    }

    @Test
    void aContentChangeWithTheSameMtimeIsNotSeenAsLdirectordDoes() throws Exception {
        Path file = dir.resolve("x.cf");
        Files.writeString(file, "a\n");
        FileTime fixed = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, fixed);
        FileChangeWatcher watcher = new FileChangeWatcher(file);
        Files.writeString(file, "b\n");
        Files.setLastModifiedTime(file, fixed);
        assertThat(watcher.poll()).isFalse();
    }
}
