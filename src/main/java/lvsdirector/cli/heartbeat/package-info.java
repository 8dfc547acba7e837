/**
 * The {@code scripts/heartbeat} command line: {@link lvsdirector.cli.heartbeat.HeartbeatMain} and its
 * subcommands, for now {@code decode}, which decodes and verifies heartbeat packets given as hex lines
 * or in a pcap capture.
 */
package lvsdirector.cli.heartbeat;
