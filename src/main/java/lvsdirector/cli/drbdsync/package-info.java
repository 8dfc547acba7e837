/**
 * {@code scripts/drbd-sync}: the per-node service that keeps the kernel's IPVS sync BACKUP daemon running
 * on the sync interface at all times (the director itself only runs, and runs the MASTER, on the active
 * node), its start/stop wrappers, the listing of the kernel's sync daemons, and {@code status}: DRBD role,
 * connection, disks, resync progress, the state directory's files and split brain with its guided recovery.
 */
package lvsdirector.cli.drbdsync;
