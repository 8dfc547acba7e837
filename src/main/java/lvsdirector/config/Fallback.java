package lvsdirector.config;

import java.net.InetAddress;

/**
 * fallback= / fallback6=: the server used while no real server of a virtual is up. Weight is always 1.
 *
 * @param port null when not given: the virtual's port at use time (0 for fwmark virtuals)
 */
public record Fallback(String hostText, InetAddress address, Integer port, Forwarding forwarding) {}
