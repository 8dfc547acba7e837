package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {
    @TempDir
    Path root;

    private ConfigLocator locator;
    private String haD;
    private String conf;

    @BeforeEach
    void dirs() throws IOException {
        Files.createDirectories(root.resolve("ha.d/conf"));
        haD = root.resolve("ha.d") + "/";
        conf = root.resolve("ha.d/conf") + "/";
        locator = new ConfigLocator(List.of(haD, conf));
    }

    @Test
    void oneArgumentFormUsesLdirectordCf() throws Exception {
        Files.writeString(root.resolve("ha.d/ldirectord.cf"), "");
        ConfigLocator.Location l = locator.locate(Optional.empty());
        assertThat(l.configName()).isEqualTo(haD + "ldirectord.cf");
        assertThat(l.cfgName()).isEqualTo("ldirectord");
    }

    @Test
    void searchOrderIsHaDThenConfThenAsGiven() throws Exception {
        Files.writeString(root.resolve("ha.d/conf/www.cf"), "");
        assertThat(locator.locate(Optional.of("www.cf")).configName()).isEqualTo(conf + "www.cf");
        Files.writeString(root.resolve("ha.d/www.cf"), "");
        ConfigLocator.Location l = locator.locate(Optional.of("www.cf"));
        assertThat(l.configName()).isEqualTo(haD + "www.cf");
        assertThat(l.cfgName()).as("basename including extension").isEqualTo("www.cf");
    }

    @Test
    void absolutePathFallsThroughToAsGiven() throws Exception {
        Path file = Files.writeString(root.resolve("elsewhere.cf"), "");
        ConfigLocator.Location l = locator.locate(Optional.of(file.toString()));
        assertThat(l.configName()).isEqualTo(file.toString());
        assertThat(l.config()).isEqualTo(file);
        assertThat(l.cfgName()).isEqualTo("elsewhere.cf");
    }

    @Test
    void directoriesDoNotCount() throws Exception {
        Files.createDirectories(root.resolve("ha.d/dir.cf"));
        assertThatThrownBy(() -> locator.locate(Optional.of("dir.cf")))
                .isInstanceOf(ConfigLocator.NotFoundException.class).hasMessage("Config file dir.cf not found");
    }

    @Test
    void notFoundNamesTheArgument() {
        assertThatThrownBy(() -> locator.locate(Optional.empty()))
                .hasMessage("Config file ldirectord.cf not found");
    }

    @Test
    void cfgNameIsTheLastPathComponent() {
        assertThat(ConfigLocator.cfgNameOf("/etc/ha.d/www.cf")).isEqualTo("www.cf");
        assertThat(ConfigLocator.cfgNameOf("plain")).isEqualTo("plain");
        assertThat(ConfigLocator.cfgNameOf("dir/")).isEmpty();
    }

    @Test
    void defaultSearchPrefixesAreLdirectords() {
        assertThat(ConfigLocator.DEFAULT_SEARCH_PREFIXES).containsExactly("/etc/ha.d/", "/etc/ha.d/conf/");
    }
}
