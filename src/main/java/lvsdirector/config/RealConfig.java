package lvsdirector.config;

import java.net.InetAddress;

/**
 * One real server of a virtual block. A real= range (A->B) yields one record per address, all with the
 * same line.
 *
 * @param port     0 when omitted
 * @param request  per-real request (leading "/" added as ldirectord does), or null
 * @param receive  per-real receive regex, or null
 */
public record RealConfig(int line, String hostText, InetAddress address, int port, Forwarding forwarding, int weight,
                         String request, String receive, int lowerThreshold, int upperThreshold) {}
