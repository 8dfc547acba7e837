/**
 * Start-up sanity checks of the host the director programs: kernel settings and modules that the
 * configuration depends on (forwarding for masq reals, IPVS connection tracking under stateful firewall or
 * NAT rules, expiry of persistence templates for quiescent reals, scheduler modules). Each problem found is
 * reported once, as one log line that names the fix; nothing is changed on the host. Everything is read
 * through {@link lvsdirector.sanity.SystemFiles}, so the checks run against fake files in tests.
 */
package lvsdirector.sanity;
