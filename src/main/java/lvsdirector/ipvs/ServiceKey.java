package lvsdirector.ipvs;

import lvsdirector.support.InetAddrs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * What the kernel looks a virtual service up by: protocol + address + port, or a firewall mark
 * with its address family.
 */
public sealed interface ServiceKey permits ServiceKey.Address, ServiceKey.Fwmark {

    boolean ipv6();

    /** ipvsadm's service selector as in -S output: "-t 10.0.0.1:80", "-u [2001:db8::1]:53", "-f 1", "-f 2 -6". */
    String ipvsadmSelector();

    record Address(Protocol protocol, InetAddress address, int port) implements ServiceKey {
        public Address {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(address, "address");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }

        @Override
        public boolean ipv6() {
            return address instanceof Inet6Address;
        }

        @Override
        public String ipvsadmSelector() {
            return protocol.ipvsadmOption() + " " + InetAddrs.hostPort(address, port);
        }

        @Override
        public String toString() {
            return protocol.name().toLowerCase(java.util.Locale.ROOT) + ":" + InetAddrs.hostPort(address, port);
        }
    }

    record Fwmark(int mark, boolean ipv6) implements ServiceKey {
        @Override
        public String ipvsadmSelector() {
            return ipv6 ? "-f " + Integer.toUnsignedString(mark) + " -6" : "-f " + Integer.toUnsignedString(mark);
        }

        @Override
        public String toString() {
            return (ipv6 ? "fwm6:" : "fwm:") + Integer.toUnsignedString(mark);
        }
    }
}
