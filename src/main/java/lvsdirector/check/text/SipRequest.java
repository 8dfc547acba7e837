package lvsdirector.check.text;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import lvsdirector.support.InetAddrs;

/** The OPTIONS request ldirectord sends, header for header; only the Call-ID is random. */
final class SipRequest {
    static final String SUCCESS = "SIP/2.0 200 OK";

    private SipRequest() {}

    /**
     * @param transport "UDP" or "TCP" for the Via header (ldirectord always writes UDP; over TCP a server
     *                  would be entitled to answer elsewhere, so the real transport is named)
     */
    static String options(String login, String transport, InetAddress localAddress, int localPort) {
        String uri = "sip:" + login;
        String callId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return "OPTIONS " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + InetAddrs.hostPort(localAddress, localPort)
                + ";branch=z9hG4bKhjhs8ass877\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <" + uri + ">\r\n"
                + "From: <" + uri + ">;tag=1928301774\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 63104 OPTIONS\r\n"
                + "Contact: <" + uri + ">\r\n"
                + "Accept: application/sdp\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
    }
}
