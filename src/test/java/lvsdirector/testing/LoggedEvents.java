package lvsdirector.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The events one logger writes during each test, in {@link #list}: register it with
 * {@code @RegisterExtension final LoggedEvents logged = LoggedEvents.of(Subject.class);}.
 */
public final class LoggedEvents extends ListAppender<ILoggingEvent> implements BeforeEachCallback, AfterEachCallback {
    private final Logger logger;

    private LoggedEvents(Logger logger) {
        this.logger = logger;
        setContext(logger.getLoggerContext());
    }

    public static LoggedEvents of(Class<?> loggerClass) {
        return new LoggedEvents((Logger) LoggerFactory.getLogger(loggerClass));
    }

    public static LoggedEvents of(String loggerName) {
        return new LoggedEvents((Logger) LoggerFactory.getLogger(loggerName));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        list.clear();
        start();
        logger.addAppender(this);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.detachAppender(this);
        stop();
    }
}
