package lvsdirector.ipvs;

/** IPVS packet-forwarding method of a destination (IP_VS_CONN_F_* & IP_VS_CONN_F_FWD_MASK). */
public enum ForwardingMethod {
    MASQ(0, "Masq", "-m", "masq"),
    LOCAL(1, "Local", "-g", "local"),
    TUNNEL(2, "Tunnel", "-i", "ipip"),
    ROUTE(3, "Route", "-g", "gate");

    private final int code;
    private final String listingName;
    private final String ipvsadmOption;
    private final String ldirectordName;

    ForwardingMethod(int code, String listingName, String ipvsadmOption, String ldirectordName) {
        this.code = code;
        this.listingName = listingName;
        this.ipvsadmOption = ipvsadmOption;
        this.ldirectordName = ldirectordName;
    }

    /** Kernel code (IPVS_DEST_ATTR_FWD_METHOD). */
    public int code() {
        return code;
    }

    /** Name in the Forward column of ipvsadm -L ("Masq", "Route", "Tunnel", "Local"). */
    public String listingName() {
        return listingName;
    }

    /** ipvsadm option in -S output ("-m", "-g", "-i"). */
    public String ipvsadmOption() {
        return ipvsadmOption;
    }

    /** ldirectord's word in real= lines ("gate", "masq", "ipip"). */
    public String ldirectordName() {
        return ldirectordName;
    }

    public static ForwardingMethod ofCode(int code) {
        for (ForwardingMethod m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown IPVS forwarding method " + code);
    }

    /** Parses ldirectord's "gate", "masq" or "ipip"; null when the word is none of them. */
    public static ForwardingMethod ofLdirectordName(String word) {
        switch (word) {
            case "gate":
                return ROUTE;
            case "masq":
                return MASQ;
            case "ipip":
                return TUNNEL;
            default:
                return null;
        }
    }
}
