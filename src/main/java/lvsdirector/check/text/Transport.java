package lvsdirector.check.text;

/** The virtual service's protocol, which decides how simpletcp and sip reach the real server. */
public enum Transport {
    TCP, UDP
}
