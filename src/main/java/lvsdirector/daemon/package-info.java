/**
 * The running director process: pid file, detached start, control socket, signals, config-file watch,
 * the companions started by {@code execute=}, and the systemd readiness protocol; {@link
 * lvsdirector.daemon.DirectorDaemon} ties them to one configuration's director.
 */
package lvsdirector.daemon;
