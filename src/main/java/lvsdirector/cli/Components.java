package lvsdirector.cli;

import lvsdirector.check.scheduler.VertxHealthChecker;
import lvsdirector.config.ParserOptions;
import lvsdirector.daemon.DaemonOptions;
import lvsdirector.daemon.DirectorDaemon;
import lvsdirector.director.alert.AlertEffects;

/** The production wiring of a daemon: Vert.x checks, e-mail/monitor-file/fallback-command effects, system resolvers. */
final class Components {
    private Components() {}

    static DirectorDaemon daemon(DaemonOptions options) {
        return new DirectorDaemon(options,
                (context, listener) -> new VertxHealthChecker(context.owner(), context, listener),
                AlertEffects::create,
                ParserOptions.system());
    }
}
