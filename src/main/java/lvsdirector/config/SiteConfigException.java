package lvsdirector.config;

import java.util.List;
import java.util.stream.Collectors;

/** {@code lvs-director.conf} has errors; each names its {@code file:line}. */
public final class SiteConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigMessage> errors;

    public SiteConfigException(List<ConfigMessage> errors) {
        super(errors.stream().map(e -> e.location() + ": " + e.message()).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigMessage> errors() {
        return errors;
    }
}
