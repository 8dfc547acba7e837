/**
 * heartbeat's R1 resource manager: who holds the haresources groups of a two-node cluster, negotiated
 * with the peer (nice_failback {@code starting}/{@code resource}/{@code ask_resources}, or legacy
 * {@code ip-request}), taken over when the peer dies or leaves, handed back on fail-back and released on
 * shutdown. The decisions run on the node's event loop; the scripts run on one worker thread.
 */
package lvsdirector.heartbeat.r1;
