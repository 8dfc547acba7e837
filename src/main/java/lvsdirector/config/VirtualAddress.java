package lvsdirector.config;

import java.net.InetAddress;
import lvsdirector.support.InetAddrs;

/** The address part of a virtual= / virtual6= line. */
public sealed interface VirtualAddress permits VirtualAddress.HostPort, VirtualAddress.Fwmark {

    /** "10.0.0.1:80", "[2001:db8::1]:80" or the mark number: ldirectord's way of naming the virtual in logs. */
    String logName();

    record HostPort(String hostText, InetAddress address, String portText, int port) implements VirtualAddress {
        @Override
        public String logName() {
            return InetAddrs.hostPort(address, port);
        }
    }

    record Fwmark(int mark) implements VirtualAddress {
        @Override
        public String logName() {
            return Integer.toString(mark);
        }
    }
}
