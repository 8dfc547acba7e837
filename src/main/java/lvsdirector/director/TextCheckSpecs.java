package lvsdirector.director;

import java.net.InetAddress;
import java.time.Duration;
import lvsdirector.check.CheckSpec;
import lvsdirector.check.text.FtpCheck;
import lvsdirector.check.text.ImapCheck;
import lvsdirector.check.text.NntpCheck;
import lvsdirector.check.text.PopCheck;
import lvsdirector.check.text.SimpleTcpCheck;
import lvsdirector.check.text.SipCheck;
import lvsdirector.check.text.SmtpCheck;
import lvsdirector.check.text.Transport;
import lvsdirector.config.CheckSettings;
import lvsdirector.config.RealConfig;
import lvsdirector.config.ServiceType;
import lvsdirector.config.VirtualConfig;
import lvsdirector.config.VirtualProtocol;
import lvsdirector.support.InetAddrs;

/**
 * The negotiate specs of the text protocols (smtp, submission, pop, pops, imap, imaps, nntp, ftp, simpletcp,
 * sip), all bounded by the negotiate timeout. Null for the services handled elsewhere.
 */
final class TextCheckSpecs {
    private TextCheckSpecs() {}

    static CheckSpec spec(ServiceType service, VirtualConfig virtual, RealConfig real, int port, Duration timeout) {
        CheckSettings settings = virtual.check();
        InetAddress address = real.address();
        String login = orEmpty(settings.login());
        String passwd = orEmpty(settings.passwd());
        return switch (service) {
            case SMTP, SUBMISSION -> new SmtpCheck(address, needPort(service, virtual, real, port), timeout);
            case POP, POPS -> new PopCheck(address, needPort(service, virtual, real, port), service == ServiceType.POPS,
                    login, passwd, timeout);
            case IMAP, IMAPS -> new ImapCheck(address, needPort(service, virtual, real, port),
                    service == ServiceType.IMAPS, login, passwd, timeout);
            case NNTP -> new NntpCheck(address, needPort(service, virtual, real, port), timeout);
            case FTP -> new FtpCheck(address, needPort(service, virtual, real, port), login, passwd,
                    CheckPlanner.request(virtual, real), CheckPlanner.receive(virtual, real), timeout);
            case SIMPLETCP -> new SimpleTcpCheck(address, needPort(service, virtual, real, port), transport(virtual),
                    CheckPlanner.request(virtual, real), CheckPlanner.receive(virtual, real), timeout);
            // the config fills in ldirectord's default login only for an explicit service=sip; a service
            // guessed from port 5060 gets it here too, instead of ldirectord's empty "sip:" URI
            case SIP -> new SipCheck(address, needPort(service, virtual, real, port), transport(virtual),
                    login.isEmpty() ? SipCheck.defaultLogin() : login, timeout);
            default -> null;
        };
    }

    private static Transport transport(VirtualConfig virtual) {
        return virtual.protocol() == VirtualProtocol.UDP ? Transport.UDP : Transport.TCP;
    }

    private static int needPort(ServiceType service, VirtualConfig virtual, RealConfig real, int port) {
        if (port < 1) {
            throw new IllegalArgumentException("service " + service.word() + " needs a port to check: set the real's"
                    + " port or checkport (virtual " + virtual.id() + ", real "
                    + InetAddrs.hostPort(real.address(), real.port()) + ")");
        }
        return port;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
