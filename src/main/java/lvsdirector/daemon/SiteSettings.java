package lvsdirector.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import lvsdirector.check.external.ExternalRunAs;
import lvsdirector.config.SiteConfig;
import lvsdirector.config.SiteConfigException;
import lvsdirector.config.SiteConfigParser;
import org.slf4j.Logger;

/**
 * The daemon's {@code lvs-director.conf} and what follows from it at start-up (whom external checks run
 * as). The file is the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENVIRONMENT}, else {@link SiteConfig#DEFAULT_PATH}; a missing file means the defaults.
 */
record SiteSettings(SiteConfig site, ExternalRunAs externalRunAs) {
    static final String PROPERTY = "lvsdirector.siteconfig";
    static final String ENVIRONMENT = "LVS_DIRECTOR_SITE_CONFIG";
    static final SiteSettings DEFAULTS = new SiteSettings(SiteConfig.DEFAULTS, ExternalRunAs.DIRECT);

    static Path path(Map<String, String> environment) {
        String value = System.getProperty(PROPERTY, environment.get(ENVIRONMENT));
        return value == null || value.isBlank() ? SiteConfig.DEFAULT_PATH : Path.of(value);
    }

    /** The settings, or empty after the reason went to stderr and the log: the daemon must not start. */
    static Optional<SiteSettings> load(long pid, Logger log) {
        Path file = path(System.getenv());
        try {
            SiteConfig site = new SiteConfigParser().parse(file);
            SiteSettings settings = new SiteSettings(site, ExternalRunAs.resolve(site.externalCheckUser()));
            if (site.externalCheckUser().isPresent()) {
                log.info("External checks run " + settings.externalRunAs().description());
            }
            return Optional.of(settings);
        } catch (SiteConfigException e) {
            e.errors().forEach(error -> System.err.println(error.format(pid)));
            log.info("Exiting with exit_status 1: errors in " + file);
        } catch (IOException | ExternalRunAs.UnavailableException e) {
            System.err.println(e.getMessage());
            log.info("Exiting with exit_status 1: " + e.getMessage());
        }
        return Optional.empty();
    }
}
