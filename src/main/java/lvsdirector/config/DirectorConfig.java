package lvsdirector.config;

import java.nio.file.Path;
import java.util.List;

/** A parsed ldirectord .cf file. */
public record DirectorConfig(Path file, Globals globals, List<VirtualConfig> virtuals, List<ConfigMessage> warnings) {
    public DirectorConfig {
        virtuals = List.copyOf(virtuals);
        warnings = List.copyOf(warnings);
    }
}
