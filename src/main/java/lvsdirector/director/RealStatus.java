package lvsdirector.director;

import java.time.Instant;

import lvsdirector.check.CheckJob;
import lvsdirector.check.Health;
import lvsdirector.config.RealConfig;
import lvsdirector.support.InetAddrs;

/**
 * What the director knows about one real of one virtual.
 *
 * @param name        the real as "host:port" (made once: logs, metrics and snapshots name it at every check)
 * @param lastMessage the last check result's message, or null before the first result
 * @param since       when the health last changed (or was first set)
 */
public record RealStatus(VirtualLayout layout, RealConfig real, RealKey key, String name, CheckJob job, Health health,
                         String lastMessage, Instant since) {

    RealStatus(VirtualLayout layout, RealConfig real, RealKey key, CheckJob job, Health health, String lastMessage,
               Instant since) {
        this(layout, real, key, InetAddrs.hostPort(real.address(), real.port()), job, health, lastMessage, since);
    }

    RealStatus withResult(Health newHealth, String message, Instant now) {
        return new RealStatus(layout, real, key, name, job, newHealth, message, newHealth == health ? since : now);
    }
}
