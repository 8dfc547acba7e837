package lvsdirector.ipvs;

/** Transport protocol of an address-keyed virtual service, with its IPPROTO number. */
public enum Protocol {
    TCP(6, "TCP", "-t"),
    UDP(17, "UDP", "-u"),
    SCTP(132, "SCTP", "--sctp-service");

    private final int number;
    private final String label;
    private final String ipvsadmOption;

    Protocol(int number, String label, String ipvsadmOption) {
        this.number = number;
        this.label = label;
        this.ipvsadmOption = ipvsadmOption;
    }

    /** IPPROTO_* number as carried by IPVS_SVC_ATTR_PROTOCOL. */
    public int number() {
        return number;
    }

    /** Upper-case name as ipvsadm prints it in listings ("TCP", "UDP", "SCTP"). */
    public String label() {
        return label;
    }

    /** The ipvsadm option that introduces a service of this protocol ("-t", "-u", "--sctp-service"). */
    public String ipvsadmOption() {
        return ipvsadmOption;
    }

    public static Protocol ofNumber(int number) {
        for (Protocol p : values()) {
            if (p.number == number) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown IP protocol number " + number);
    }
}
