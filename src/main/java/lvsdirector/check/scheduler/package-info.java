/**
 * Runs check jobs on Vert.x timers: one fixed-rate schedule per job, concurrent across jobs, one probe per
 * job at a time, maintenance-directory lookups before each probe, and state carried over when the director
 * replaces the job set (compare-and-migrate, so a reload neither resets nor re-probes unchanged servers).
 */
package lvsdirector.check.scheduler;
