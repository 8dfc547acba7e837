package lvsdirector.sanity;

import lvsdirector.config.DirectorConfig;
import lvsdirector.config.VirtualConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each scheduler is a module (ip_vs_NAME) that the kernel loads when a service first asks for it. A scheduler
 * that is neither loaded nor installed for the running kernel makes every add of its services fail with
 * "Scheduler not found"; say so before the first add. Unknown (module lists unreadable) means no finding.
 */
final class SchedulerModuleCheck implements SanityCheck {

    @Override
    public List<Finding> check(DirectorConfig config, SystemFiles files) {
        KernelModules modules = new KernelModules(files);
        Map<String, List<String>> bySchedulers = new LinkedHashMap<>();
        for (VirtualConfig v : config.virtuals()) {
            bySchedulers.computeIfAbsent(v.scheduling().scheduler(), s -> new ArrayList<>()).add(v.id());
        }
        List<Finding> findings = new ArrayList<>();
        bySchedulers.forEach((scheduler, virtuals) -> {
            String module = "ip_vs_" + scheduler;
            Optional<Boolean> installable = modules.installable(module);
            if (!modules.loaded(module) && installable.isPresent() && !installable.get()) {
                findings.add(new Finding("scheduler " + scheduler + " (used by " + String.join(", ", virtuals)
                        + ") is neither loaded nor installed for this kernel: adding those services will fail",
                        "install a kernel with module " + module + ", or choose another scheduler= for them"));
            }
        });
        return findings;
    }
}
