package lvsdirector.sanity;

import lvsdirector.config.DirectorConfig;

import java.util.List;

/** One start-up check: the findings for this configuration on the host behind the files (none when all is well). */
@FunctionalInterface
interface SanityCheck {
    List<Finding> check(DirectorConfig config, SystemFiles files);
}
