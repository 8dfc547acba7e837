/**
 * The dns negotiate check: UDP queries through Vert.x's DnsClient; TCP queries (tcp virtual services), which
 * that client does not offer, through a small hand-written DNS message codec over a Vert.x TCP connection.
 */
package lvsdirector.check.lib.dns;
