package lvsdirector.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Logback appender that hands every event to the current {@link LogSink}. Events of the "ldirectord"
 * logger are written as they are (they carry ldirectord's exact texts); others are prefixed with their
 * level and short logger name so they stay recognisable next to ldirectord's lines.
 */
public final class LdirectordAppender extends AppenderBase<ILoggingEvent> {
    public static final String LDIRECTORD_LOGGER = "ldirectord";

    private volatile LogSink sink;

    public LdirectordAppender(LogSink sink) {
        this.sink = sink;
    }

    /** Switches to a new sink (logfile= changed on reload); the old one is closed. */
    public void setSink(LogSink newSink) {
        LogSink old = this.sink;
        this.sink = newSink;
        if (old != null && old != newSink) {
            old.close();
        }
    }

    public LogSink sink() {
        return sink;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = event.getFormattedMessage();
        if (!LDIRECTORD_LOGGER.equals(event.getLoggerName())) {
            String name = event.getLoggerName();
            text = event.getLevel() + " " + name.substring(name.lastIndexOf('.') + 1) + ": " + text;
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null && event.getLevel().isGreaterOrEqual(Level.WARN)) {
            text = text + " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")";
        }
        sink.write(text);
    }
}
