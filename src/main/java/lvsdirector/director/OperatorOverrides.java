package lvsdirector.director;

import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;

/**
 * The operator's runtime settings for reals (drain, weight), as the director sees them; where they are
 * stored is not its business. Asked for every real at every round.
 */
@FunctionalInterface
public interface OperatorOverrides {
    OperatorOverrides NONE = (virtual, real) -> null;

    /** The setting for {@code real} in {@code virtual}, or null when the operator set nothing. */
    Setting find(VirtualConfig virtual, RealConfig real);

    /**
     * @param drained weight 0 while up (existing connections continue; checks go on)
     * @param weight  replaces the configured weight while up and not drained; null: the configured one
     */
    record Setting(boolean drained, Integer weight) {}
}
