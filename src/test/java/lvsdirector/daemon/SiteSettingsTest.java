package lvsdirector.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lvsdirector.config.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of lvs-director.conf, as the daemon, the tools and connection sync use it. */
class SiteSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsTheDefaultsWithoutAnyError() {
        List<String> problems = new ArrayList<>();
        assertThat(SiteSettings.readSiteConfig(dir.resolve("absent.conf"), 42).site(problems::add))
                .contains(SiteConfig.DEFAULTS);
        assertThat(problems).isEmpty();
    }

    @Test
    void errorsComeInLdirectordsFormatWithThePidAndEveryCallerSeesTheSameLines() throws Exception {
        Path file = dir.resolve("lvs-director.conf");
        Files.writeString(file, "sync_interface eth1\n");
        SiteSettings.SiteConfigRead read = SiteSettings.readSiteConfig(file, 42);
        assertThat(read.config()).isEmpty();
        assertThat(read.errors()).containsExactly("Error [42] reading file " + file
                + " at line 1: expected \"key = value\", got \"sync_interface eth1\"");
        List<String> logged = new ArrayList<>();
        assertThat(ConnectionSyncSetup.loadSiteConfig(file, logged::add)).isEqualTo(Optional.empty());
        assertThat(logged).singleElement().asString().startsWith("Ignoring " + file + ": ").contains(file + " at line 1: expected");
    }

    @Test
    void anUnreadableFileSaysWhy() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("lvs-director.conf"));
        assertThat(SiteSettings.readSiteConfig(directory, 1).errors()).singleElement().asString()
                .startsWith("cannot read " + directory + ": ");
    }
}
