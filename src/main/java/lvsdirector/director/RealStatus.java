package lvsdirector.director;

import java.time.Instant;

import lvsdirector.check.CheckJob;
import lvsdirector.check.Health;
import lvsdirector.config.RealConfig;

/**
 * What the director knows about one real of one virtual.
 *
 * @param lastMessage the last check result's message, or null before the first result
 * @param since       when the health last changed (or was first set)
 */
public record RealStatus(VirtualLayout layout, RealConfig real, RealKey key, CheckJob job, Health health,
                         String lastMessage, Instant since) {

    RealStatus withResult(Health newHealth, String message, Instant now) {
        return new RealStatus(layout, real, key, job, newHealth, message, newHealth == health ? since : now);
    }
}
