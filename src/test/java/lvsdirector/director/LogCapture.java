package lvsdirector.director;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** Collects the messages of the "ldirectord" logger. */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> messages = new ArrayList<>();
    private final Logger logger;

    private LogCapture() {
        logger = (Logger) LoggerFactory.getLogger(LdirectordLog.LOGGER_NAME);
        setName("test-capture");
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    static LogCapture attach() {
        return new LogCapture();
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        messages.add(event.getFormattedMessage());
    }

    synchronized int mark() {
        return messages.size();
    }

    synchronized List<String> since(int mark) {
        return List.copyOf(messages.subList(mark, messages.size()));
    }

    synchronized List<String> all() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
