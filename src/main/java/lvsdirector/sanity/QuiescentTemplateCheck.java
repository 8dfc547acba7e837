package lvsdirector.sanity;

import lvsdirector.config.DirectorConfig;
import lvsdirector.config.VirtualConfig;

import java.util.List;

/**
 * A quiescent real keeps weight 0 instead of being removed, but a client's persistence template still points
 * at it: unless net.ipv4.vs.expire_quiescent_template=1 that client keeps going to the failed server until the
 * persistence timeout runs out.
 */
final class QuiescentTemplateCheck implements SanityCheck {
    static final String EXPIRE = "/proc/sys/net/ipv4/vs/expire_quiescent_template";

    @Override
    public List<Finding> check(DirectorConfig config, SystemFiles files) {
        if (!files.value(EXPIRE).map("0"::equals).orElse(false)) {
            return List.of();
        }
        List<String> affected = config.virtuals().stream()
                .filter(v -> persistent(v) && v.effectiveQuiescent(config.globals()))
                .map(VirtualConfig::id)
                .toList();
        if (affected.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding("net.ipv4.vs.expire_quiescent_template=0 but " + String.join(", ", affected)
                + " are persistent with quiescent=yes: clients stay bound to a failed real server until their"
                + " persistence times out",
                "sysctl -w net.ipv4.vs.expire_quiescent_template=1 (and set it in /etc/sysctl.conf)"));
    }

    private static boolean persistent(VirtualConfig v) {
        Integer timeout = v.scheduling().persistent();
        return timeout != null && timeout > 0;
    }
}
