package lvsdirector.ipvs.sync;

import java.util.Optional;
import lvsdirector.ipvs.Protocol;

/** Protocol of a persistence template as the kernel names it; {@code IP} (0) is a firewall-mark template. */
public enum TemplateProtocol {
    IP(0), TCP(6), UDP(17), SCTP(132);

    private final int number;

    TemplateProtocol(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The service protocol, empty for firewall-mark templates. */
    public Optional<Protocol> serviceProtocol() {
        return this == IP ? Optional.empty() : Optional.of(Protocol.ofNumber(number));
    }

    /** By the name {@code /proc/net/ip_vs_conn} prints ("TCP", "IP", ...). */
    public static Optional<TemplateProtocol> ofLabel(String label) {
        for (TemplateProtocol p : values()) {
            if (p.name().equals(label)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
