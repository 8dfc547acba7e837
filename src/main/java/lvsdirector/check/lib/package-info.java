/**
 * Negotiate checks that speak a library-backed protocol: dns, radius, ldap/ldaps, mysql, pgsql and oracle.
 * The spec records live here; each sub-package holds one protocol's prober. {@link LibraryProbers} routes a
 * spec to its prober. Every probe is bounded by a hard timeout ({@link Deadline}); blocking client libraries
 * run on one small shared worker pool ({@link BlockingRunner}), never on a thread of their own per check.
 */
package lvsdirector.check.lib;
