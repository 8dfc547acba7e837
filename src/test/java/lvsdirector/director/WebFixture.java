package lvsdirector.director;

import static lvsdirector.director.Cf.fallback;
import static lvsdirector.director.Cf.ip;
import static lvsdirector.director.Cf.real;

import lvsdirector.config.Forwarding;
import lvsdirector.config.RealConfig;
import lvsdirector.config.SchedulingSettings;
import lvsdirector.config.VirtualConfig;
import lvsdirector.ipvs.Protocol;
import lvsdirector.ipvs.ServiceKey;

/** The virtual most director scenarios use: tcp 10.0.0.1:80 rr, a gate real A, a masq real B, a gate fallback. */
final class WebFixture {
    static final RealConfig A = real("10.9.0.2", 80, Forwarding.GATE, 3);
    static final RealConfig B = real("10.9.0.3", 80, Forwarding.MASQ, 2);
    static final ServiceKey VS = new ServiceKey.Address(Protocol.TCP, ip("10.0.0.1"), 80);

    private WebFixture() {}

    /** @param quiescent the virtual's quiescent=, or null to leave it to the global */
    static VirtualConfig web(Boolean quiescent) {
        Cf.V v = Cf.tcp("10.0.0.1", 80).scheduling(new SchedulingSettings("rr", null, null, null, false)).real(A).real(B)
                .fallback(fallback("127.0.0.1", 80, Forwarding.GATE));
        if (quiescent != null) {
            v.quiescent(quiescent);
        }
        return v.build();
    }
}
