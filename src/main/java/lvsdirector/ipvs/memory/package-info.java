/**
 * An IPVS table held in memory that behaves like the Linux 6.1 kernel's: the same validation order, the same
 * errno for every refusal, edits as full replacements, and a kernel-like unsorted listing order (address
 * services first in insertion order, then fwmark services in insertion order; destinations newest first).
 * It is the embedded default backend of the daemon and the fake the director's tests run against; its
 * counters can be set by hand so that listings with numbers can be rendered and tested.
 */
package lvsdirector.ipvs.memory;
