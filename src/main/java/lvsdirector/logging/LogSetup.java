package lvsdirector.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Installs the ldirectord appender as the only appender of the process. */
public final class LogSetup {
    private LogSetup() {}

    /**
     * Routes the "ldirectord" logger (INFO and up, or DEBUG with debug=true) and everything else at
     * {@code otherLevel} and up to the sink. Returns the appender, whose sink can be switched later.
     */
    public static LdirectordAppender install(LogSink sink, boolean debug) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        LdirectordAppender appender = new LdirectordAppender(sink);
        appender.setContext(context);
        appender.setName("ldirectord");
        appender.start();
        root.addAppender(appender);
        root.setLevel(debug ? Level.INFO : Level.WARN);
        context.getLogger(LdirectordAppender.LDIRECTORD_LOGGER).setLevel(debug ? Level.DEBUG : Level.INFO);
        context.getLogger("lvsdirector").setLevel(debug ? Level.DEBUG : Level.INFO);
        return appender;
    }
}
