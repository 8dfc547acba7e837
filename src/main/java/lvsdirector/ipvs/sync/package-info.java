/**
 * IPVS connection synchronisation from user space: the kernel's sync message format (v1) as a codec,
 * the connection table read from {@code /proc/net/ip_vs_conn_sync}, snapshots of persistence templates
 * with absolute expiry, the pure decision which snapshot templates to restore, and the injector that
 * hands them to the local kernel's backup sync daemon as ordinary sync datagrams.
 */
package lvsdirector.ipvs.sync;
