/**
 * The state directory: small JSON files (operator overrides, last known health of the real servers,
 * owner record with the owner's heartbeat generation; the IPVS sync part stores its persistence snapshot
 * here too) replaced crash-safely, each with a format version and an
 * increasing sequence number. Where they live is decided at every access: the DRBD-replicated
 * directory (default /var/lib/lvs-director/state) when this node is DRBD Primary and the directory is
 * a mount of the DRBD device; node-local storage (default /var/lib/lvs-director/local) only when no
 * DRBD state directory is in use on this node at all; on a Secondary, or with the device not mounted,
 * nothing is written and the refusal says why. So the DRBD directory always wins: once it is mounted
 * (e.g. at takeover) its overrides are the ones in force, and node-local overrides are ignored until
 * the node runs without DRBD again (they are never merged, so a failover cannot resurrect stale
 * local state).
 */
package lvsdirector.state;
