package lvsdirector.daemon;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import lvsdirector.config.ConfigLocator;
import lvsdirector.config.Globals;
import org.slf4j.Logger;

/**
 * What the daemon does every checkinterval besides checking, as ldirectord's main loop does: notice that the
 * config file changed on disk (reload it when autoreload is on, run the callback either way) and re-read
 * the operator overrides.
 */
final class PeriodicHousekeeping {
    private final Vertx vertx;
    private final Context context;
    private final ConfigLocator.Location location;
    private final FileChangeWatcher watcher;
    private final Supplier<Globals> globals;
    private final Runnable reload;
    private final Runnable refreshOverrides;
    private final BooleanSupplier stopping;
    private final Logger log;
    private long timer = -1;

    /**
     * @param reload           runs on the context when the file changed and autoreload is on
     * @param refreshOverrides runs on a worker thread every period
     */
    PeriodicHousekeeping(Vertx vertx, Context context, ConfigLocator.Location location, Supplier<Globals> globals,
            Runnable reload, Runnable refreshOverrides, BooleanSupplier stopping, Logger log) {
        this.vertx = vertx;
        this.context = context;
        this.location = location;
        this.watcher = new FileChangeWatcher(location.config());
        this.globals = globals;
        this.reload = reload;
        this.refreshOverrides = refreshOverrides;
        this.stopping = stopping;
        this.log = log;
    }

    /** Starts the period at the current checkinterval. */
    void start() {
        long period = Math.max(1, globals.get().checkInterval()) * 1000L;
        context.runOnContext(v -> timer = vertx.setPeriodic(period, id -> tick()));
    }

    /** The file as it is now is the one in force (a reload read it): no change to notice. */
    void acknowledge() {
        watcher.acknowledge();
    }

    /** Re-times the period after a reload changed checkinterval. */
    void restart() {
        context.runOnContext(v -> {
            vertx.cancelTimer(timer);
            start();
        });
    }

    private void tick() {
        watchConfigFile();
        if (!stopping.getAsBoolean()) {
            vertx.executeBlocking(() -> {
                refreshOverrides.run();
                return null;
            }, false);
        }
    }

    private void watchConfigFile() {
        if (stopping.getAsBoolean() || !watcher.poll()) {
            return;
        }
        log.info("Configuration file '" + location.configName() + "' has changed on disk");
        Globals current = globals.get();
        if (current.autoreload()) {
            log.info(" - reread new configuration");
            reload.run();
        } else {
            log.info(" - ignore new configuration");
        }
        runCallback(current.callback());
    }

    private void runCallback(String callback) {
        if (callback == null || !Files.isExecutable(Path.of(callback))) {
            return;
        }
        String command = callback + " " + location.configName();
        vertx.executeBlocking(() -> {
            Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.info("system_timeout(60, " + command + ") timed out, kill -TERM child");
            } else if (p.exitValue() != 0) {
                log.info("system(" + command + ") failed: exit status " + p.exitValue());
            }
            return null;
        }, false);
    }
}
