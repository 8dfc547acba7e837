/**
 * The kernel IPVS backend over generic netlink: the ip_vs.h numbers as enums with explicit codes
 * ({@link lvsdirector.ipvs.kernel.IpvsGenl}), the encoder and decoder between the {@code lvsdirector.ipvs} domain
 * types and IPVS attributes, {@link lvsdirector.ipvs.kernel.KernelIpvsBackend} (one socket, pipelined batches,
 * ipvsadm's error texts), the sync-daemon API, and {@link lvsdirector.ipvs.kernel.IpvsBackends}, which says whether
 * the kernel backend is usable here and why not.
 */
package lvsdirector.ipvs.kernel;
