package lvsdirector.ipvs.sync;

import java.net.InetAddress;

/**
 * What the kernel finds a persistence template by: protocol, client and virtual address and port (for a
 * firewall-mark template the virtual address is the mark and the port 0). Two templates with one key
 * cannot coexist in the kernel.
 */
public record TemplateKey(TemplateProtocol protocol, InetAddress client, InetAddress virtualAddress, int virtualPort) {
}
