/**
 * Runs check jobs on several Vert.x event loops: each job belongs to one loop by a hash of its address and
 * port, where its fixed-rate schedule, state and probes live without locks (one probe per job at a time,
 * maintenance-directory lookups before each probe, state carried over when the director replaces the job set
 * by compare-and-migrate). Outcomes travel to the director's context in one batch per loop pass.
 */
package lvsdirector.check.scheduler;
