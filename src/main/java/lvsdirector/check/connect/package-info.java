/**
 * Probes that only ask "is it there": a TCP connect within the check timeout (checktype=connect, and the
 * stand-in for negotiate services not implemented yet) and a host ping (checktype=ping, connect on udp).
 */
package lvsdirector.check.connect;
