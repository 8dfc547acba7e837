package lvsdirector.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ldirectord's config-name resolution: with one argument the config is "ldirectord.cf" (CFGNAME
 * "ldirectord"); with two, CFGNAME is the basename including its extension. The name is looked up as
 * "/etc/ha.d/" + name, then "/etc/ha.d/conf/" + name (plain string concatenation, so an absolute name
 * is tried there too), then as given.
 */
public final class ConfigLocator {
    public static final List<String> DEFAULT_SEARCH_PREFIXES = List.of("/etc/ha.d/", "/etc/ha.d/conf/");
    public static final String DEFAULT_CONFIG = "ldirectord.cf";
    public static final String DEFAULT_CFGNAME = "ldirectord";
    private static final Pattern BASENAME = Pattern.compile("([^/]+)$");

    /**
     * @param config     the path to read
     * @param configName ldirectord's CONFIG after the lookup, exactly as it names it in messages
     *                   ("/etc/ha.d//abs/x.cf" keeps its double slash)
     * @param cfgName    the name used in the pid file and log prefix
     */
    public record Location(Path config, String configName, String cfgName) {}

    /** Thrown when no candidate exists; the message is ldirectord's "Config file <CONFIG> not found". */
    public static final class NotFoundException extends Exception {
        private static final long serialVersionUID = 1L;

        public NotFoundException(String name) {
            super("Config file " + name + " not found");
        }
    }

    private final List<String> searchPrefixes;

    public ConfigLocator() {
        this(DEFAULT_SEARCH_PREFIXES);
    }

    /** @param searchPrefixes strings the name is appended to, in order ("/etc/ha.d/" style, with slash) */
    public ConfigLocator(List<String> searchPrefixes) {
        this.searchPrefixes = List.copyOf(searchPrefixes);
    }

    /** CFGNAME for an explicit config argument: the part after the last "/" ("" when it ends in "/"). */
    public static String cfgNameOf(String configArgument) {
        Matcher m = BASENAME.matcher(configArgument);
        return m.find() ? m.group(1) : "";
    }

    /** @param configArgument the CONFIG argument, or empty for the one-argument form */
    public Location locate(Optional<String> configArgument) throws NotFoundException {
        String name = configArgument.orElse(DEFAULT_CONFIG);
        String cfgName = configArgument.map(ConfigLocator::cfgNameOf).orElse(DEFAULT_CFGNAME);
        for (String prefix : searchPrefixes) {
            Optional<Path> candidate = regularFile(prefix + name);
            if (candidate.isPresent()) {
                return new Location(candidate.get(), prefix + name, cfgName);
            }
        }
        Optional<Path> asGiven = regularFile(name);
        if (asGiven.isPresent()) {
            return new Location(asGiven.get(), name, cfgName);
        }
        throw new NotFoundException(name);
    }

    private static Optional<Path> regularFile(String name) {
        try {
            Path p = Path.of(name);
            return !name.isEmpty() && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
