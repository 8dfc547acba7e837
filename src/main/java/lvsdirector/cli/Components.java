package lvsdirector.cli;

import lvsdirector.check.scheduler.VertxHealthChecker;
import lvsdirector.cli.lvsadm.LvsadmCommand;
import lvsdirector.config.ParserOptions;
import lvsdirector.daemon.DaemonOptions;
import lvsdirector.daemon.DirectorDaemon;
import lvsdirector.director.alert.AlertEffects;

/** The production wiring of a daemon: Vert.x checks, e-mail/monitor-file/fallback-command effects, system resolvers. */
final class Components {
    private Components() {}

    static DirectorDaemon daemon(DaemonOptions options) {
        DirectorDaemon daemon = new DirectorDaemon(options,
                (context, listener) -> new VertxHealthChecker(context.owner(), context, listener),
                AlertEffects::create,
                ParserOptions.system());
        return daemon.withControlCommand("lvsadm", (arguments, out) ->
                LvsadmCommand.run(daemon::backend, out, out, arguments.toArray(String[]::new)));
    }
}
