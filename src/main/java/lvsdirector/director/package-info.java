/**
 * The director: turns the parsed config and the health of every real server into the desired IPVS
 * table (a pure function), compares it with what the backend really holds, applies the minimal list of
 * operations on a single worker thread and logs every change in ldirectord's exact words. It depends on
 * the IPVS interfaces only, never on a concrete backend.
 */
package lvsdirector.director;
