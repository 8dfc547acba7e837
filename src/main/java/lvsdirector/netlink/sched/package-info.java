/**
 * Scheduling of the calling thread: the heartbeat peer puts its membership loop under the real-time
 * {@code SCHED_FIFO} policy, as heartbeat does with {@code realtime on} (its default), so a busy machine
 * delays its keepalives and dead-time checks less than its ordinary work (resource scripts, the director).
 */
package lvsdirector.netlink.sched;
