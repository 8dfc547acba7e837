package lvsdirector.config;

/**
 * scheduler=, persistent=, netmask=, schedflags=, ops= of a virtual.
 *
 * @param persistent persistence timeout in seconds, or null when not persistent (0 is accepted and means "-p 0")
 * @param netmask    netmask as written (dotted quad for IPv4, prefix length for IPv6), or null
 * @param schedFlags the schedflags token ("sh-port", "sh-fallback,sh-port"), or null
 */
public record SchedulingSettings(String scheduler, Integer persistent, String netmask, String schedFlags, boolean ops) {}
