/**
 * {@code scripts/drbd-sync}: the per-node service that keeps the kernel's IPVS sync BACKUP daemon running
 * on the sync interface at all times (the director itself only runs, and runs the MASTER, on the active
 * node), its start/stop wrappers, and the listing of the kernel's sync daemons. The DRBD status commands
 * join here later.
 */
package lvsdirector.cli.drbdsync;
