package lvsdirector.cli;

import io.vertx.core.Context;
import lvsdirector.check.CheckListener;
import lvsdirector.check.HealthChecker;
import lvsdirector.check.external.ExternalRunAs;
import lvsdirector.check.scheduler.VertxHealthChecker;
import lvsdirector.cli.lvsadm.LvsadmCommand;
import lvsdirector.config.ParserOptions;
import lvsdirector.cli.heartbeat.PeerStatusFiles;
import lvsdirector.daemon.CheckerFactory;
import lvsdirector.daemon.ClStatusHeartbeat;
import lvsdirector.daemon.HeartbeatSource;
import lvsdirector.daemon.DaemonOptions;
import lvsdirector.daemon.DirectorDaemon;
import lvsdirector.director.alert.AlertEffects;

/** The production wiring of a daemon: Vert.x checks, e-mail/monitor-file/fallback-command effects, system resolvers. */
final class Components {
    private Components() {}

    static DirectorDaemon daemon(DaemonOptions options) {
        DirectorDaemon daemon = new DirectorDaemon(options,
                new CheckerFactory() {
                    @Override
                    public HealthChecker create(Context context, CheckListener listener) {
                        return new VertxHealthChecker(context.owner(), context, listener);
                    }

                    @Override
                    public HealthChecker create(Context context, CheckListener listener, ExternalRunAs runAs) {
                        return new VertxHealthChecker(context.owner(), context, listener, runAs);
                    }
                },
                AlertEffects::create,
                ParserOptions.system());
        return daemon.withControlCommand("lvsadm", (arguments, out) ->
                LvsadmCommand.run(daemon::backend, out, out, arguments.toArray(String[]::new)))
                .withHeartbeatSource(heartbeatSource(System.getenv()));
    }

    /**
     * The HA peer on this host: this project's heartbeat peer (its files in LVS_DIRECTOR_HEARTBEAT_DIR,
     * default /var/lib/heartbeat), else Debian's heartbeat 3 through cl_status.
     */
    static HeartbeatSource heartbeatSource(java.util.Map<String, String> environment) {
        String dir = environment.get("LVS_DIRECTOR_HEARTBEAT_DIR");
        return HeartbeatSource.firstRunning(
                new PeerStatusFiles(dir == null || dir.isBlank() ? PeerStatusFiles.DEFAULT_DIR : java.nio.file.Path.of(dir)),
                ClStatusHeartbeat.system());
    }
}
