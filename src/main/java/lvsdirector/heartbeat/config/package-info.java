/**
 * Parsers for heartbeat 3.0.6's configuration files, {@code ha.cf}, {@code haresources} and
 * {@code authkeys}, into immutable records. Every directive heartbeat knows is accepted or rejected as
 * heartbeat does; the ones this peer does not implement are listed once in
 * {@link lvsdirector.heartbeat.config.HaCf#notImplemented()} so the daemon can log them. Errors are
 * {@link lvsdirector.heartbeat.config.ConfigException}s naming {@code file:line}.
 */
package lvsdirector.heartbeat.config;
