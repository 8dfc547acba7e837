package lvsdirector.config;

/** service= values with the port each is guessed from (and checked on when the real has port 0). */
public enum ServiceType {
    DNS("dns", 53), FTP("ftp", 21), HTTP("http", 80), HTTPS("https", 443), HTTP_PROXY("http_proxy", 3128),
    IMAP("imap", 143), IMAPS("imaps", 993), LDAP("ldap", 389), LDAPS("ldaps", 636), MYSQL("mysql", 3306),
    NNTP("nntp", 119), NONE("none", 0), ORACLE("oracle", 1521), PGSQL("pgsql", 5432), POP("pop", 110),
    POPS("pops", 995), RADIUS("radius", 1812), SIMPLETCP("simpletcp", 0), SIP("sip", 5060), SMTP("smtp", 25),
    SUBMISSION("submission", 587);

    private final String word;
    private final int defaultPort;

    ServiceType(String word, int defaultPort) {
        this.word = word;
        this.defaultPort = defaultPort;
    }

    public String word() {
        return word;
    }

    /** 0 when the service has no default port (simpletcp, none). */
    public int defaultPort() {
        return defaultPort;
    }

    public static ServiceType ofWord(String word) {
        for (ServiceType s : values()) {
            if (s.word.equals(word)) {
                return s;
            }
        }
        return null;
    }

    /** The service ldirectord guesses from a virtual port; NONE for ports not in its table. */
    public static ServiceType guessFromPort(int port) {
        for (ServiceType s : values()) {
            if (s.defaultPort == port && s.defaultPort != 0) {
                return s;
            }
        }
        return NONE;
    }
}
