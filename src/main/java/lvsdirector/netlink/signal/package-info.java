/**
 * Signal dispositions a process inherited: reading which signals were ignored when it started
 * ({@code /proc/self/status}) and setting one back to its default action (libc {@code signal}, through JNA).
 */
package lvsdirector.netlink.signal;
