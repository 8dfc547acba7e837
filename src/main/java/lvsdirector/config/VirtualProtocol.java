package lvsdirector.config;

/** The protocol= of a virtual block: tcp/udp for address services, fwm for firewall-mark services. */
public enum VirtualProtocol {
    TCP("tcp"), UDP("udp"), FWM("fwm");

    private final String word;

    VirtualProtocol(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
