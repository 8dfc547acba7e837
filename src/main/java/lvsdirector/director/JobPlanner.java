package lvsdirector.director;

import lvsdirector.check.CheckJob;
import lvsdirector.config.Globals;
import lvsdirector.config.RealConfig;
import lvsdirector.config.VirtualConfig;

/** Turns a real of a virtual into its check job; in production {@code CheckPlanner::plan}. */
@FunctionalInterface
public interface JobPlanner {
    CheckJob jobFor(VirtualConfig virtual, RealConfig real, Globals globals);
}
