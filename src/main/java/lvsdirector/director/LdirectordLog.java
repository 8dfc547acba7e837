package lvsdirector.director;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log ldirectord writes: one SLF4J logger named "ldirectord" whose messages are exactly ldirectord's
 * texts (the lead maps it to ldirectord's file / syslog / stdout formats).
 */
public final class LdirectordLog {
    public static final String LOGGER_NAME = "ldirectord";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private LdirectordLog() {}

    public static void info(String message) {
        LOG.info(message);
    }

    public static void warn(String message) {
        LOG.warn(message);
    }
}
