package lvsdirector.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import lvsdirector.check.external.ExternalRunAs;
import lvsdirector.config.SiteConfig;
import lvsdirector.config.SiteConfigException;
import lvsdirector.config.SiteConfigParser;
import lvsdirector.state.StateSettings;
import lvsdirector.support.Hostnames;
import org.slf4j.Logger;

/**
 * The daemon's {@code lvs-director.conf} and what follows from it at start-up (whom external checks run
 * as). The file is the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENVIRONMENT}, else {@link SiteConfig#DEFAULT_PATH}; a missing file means the defaults.
 */
public record SiteSettings(SiteConfig site, ExternalRunAs externalRunAs) {
    static final String PROPERTY = "lvsdirector.siteconfig";
    static final String ENVIRONMENT = "LVS_DIRECTOR_SITE_CONFIG";
    static final SiteSettings DEFAULTS = new SiteSettings(SiteConfig.DEFAULTS, ExternalRunAs.DIRECT);

    static Path path(Map<String, String> environment) {
        String value = System.getProperty(PROPERTY, environment.get(ENVIRONMENT));
        return value == null || value.isBlank() ? SiteConfig.DEFAULT_PATH : Path.of(value);
    }

    /**
     * Where operator state lives: lvs-director.conf's state_directory, local_state_directory, drbd_resource
     * and drbd_device, each overridable by its LVS_DIRECTOR_* environment variable (tests, one-off runs).
     */
    public StateSettings stateSettings(Map<String, String> environment) {
        return StateSettings.fromEnvironment(environment, new StateSettings(site.stateDirectory(),
                site.localStateDirectory(), site.drbdResource(), site.drbdDevice(), Path.of("/proc/drbd"),
                Path.of("/proc/mounts"), Hostnames.local()));
    }

    /**
     * The state settings for a command-line tool: from lvs-director.conf when it reads cleanly, otherwise
     * (the reason printed on stderr) from the environment and the defaults.
     */
    public static StateSettings stateSettingsForTools() {
        Path file = path(System.getenv());
        Optional<SiteConfig> site = readSiteConfig(file, 0).site(problem -> System.err.println("ignoring " + file
                + ": " + problem));
        return site.map(c -> new SiteSettings(c, ExternalRunAs.DIRECT).stateSettings(System.getenv()))
                .orElseGet(() -> StateSettings.fromEnvironment(System.getenv()));
    }

    /**
     * lvs-director.conf as read: the configuration (a missing file means the defaults), or the lines that
     * say why it cannot be used.
     */
    public record SiteConfigRead(Optional<SiteConfig> config, List<String> errors) {
        public SiteConfigRead {
            errors = List.copyOf(errors);
        }

        /** The configuration; when there is none, each error line goes to {@code problem} first. */
        public Optional<SiteConfig> site(Consumer<String> problem) {
            errors.forEach(problem);
            return config;
        }
    }

    /**
     * The one reader of lvs-director.conf for the daemon and the tools.
     *
     * @param pid the pid syntax errors are formatted with (ldirectord's error format), 0 for tools
     */
    public static SiteConfigRead readSiteConfig(Path file, long pid) {
        try {
            return new SiteConfigRead(Optional.of(new SiteConfigParser().parse(file)), List.of());
        } catch (SiteConfigException e) {
            return new SiteConfigRead(Optional.empty(), e.errors().stream().map(error -> error.format(pid)).toList());
        } catch (IOException e) {
            return new SiteConfigRead(Optional.empty(), List.of("cannot read " + file + ": " + e.getMessage()));
        }
    }

    /** The settings, or empty after the reason went to stderr and the log: the daemon must not start. */
    static Optional<SiteSettings> load(long pid, Logger log) {
        Path file = path(System.getenv());
        Optional<SiteConfig> site = readSiteConfig(file, pid).site(System.err::println);
        if (site.isEmpty()) {
            log.info("Exiting with exit_status 1: errors in " + file);
            return Optional.empty();
        }
        try {
            SiteSettings settings = new SiteSettings(site.get(), ExternalRunAs.resolve(site.get().externalCheckUser()));
            if (site.get().externalCheckUser().isPresent()) {
                log.info("External checks run " + settings.externalRunAs().description());
            }
            return Optional.of(settings);
        } catch (ExternalRunAs.UnavailableException e) {
            System.err.println(e.getMessage());
            log.info("Exiting with exit_status 1: " + e.getMessage());
            return Optional.empty();
        }
    }
}
