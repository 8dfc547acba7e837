package lvsdirector.sanity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which kernel modules are loaded (/proc/modules, and /sys/module for built-in ones that show there) and which
 * the running kernel could load on demand (modules.dep and modules.builtin of its release under /lib/modules).
 */
final class KernelModules {
    static final String PROC_MODULES = "/proc/modules";
    static final String OS_RELEASE = "/proc/sys/kernel/osrelease";

    private final SystemFiles files;
    private final Map<String, List<String>> loaded;

    KernelModules(SystemFiles files) {
        this.files = files;
        this.loaded = parse(files.read(PROC_MODULES).orElse(""));
    }

    /** Loaded as a module, or built in and visible under /sys/module. */
    boolean loaded(String module) {
        return loaded.containsKey(module) || files.exists("/sys/module/" + module);
    }

    /** The modules that use a loaded module (the fourth column of /proc/modules). */
    List<String> users(String module) {
        return loaded.getOrDefault(module, List.of());
    }

    /**
     * Whether the kernel could load the module on demand: listed in modules.dep or modules.builtin of the
     * running release. Empty when those lists cannot be read, so that nothing is claimed.
     */
    Optional<Boolean> installable(String module) {
        Optional<String> release = files.value(OS_RELEASE);
        if (release.isEmpty() || release.get().isEmpty()) {
            return Optional.empty();
        }
        String dir = "/lib/modules/" + release.get() + "/";
        Optional<String> dep = files.read(dir + "modules.dep");
        if (dep.isEmpty()) {
            return Optional.empty();
        }
        Pattern entry = Pattern.compile("(?m)(^|/)" + Pattern.quote(module) + "\\.ko(\\.[a-z0-9]+)?:");
        Pattern builtin = Pattern.compile("(?m)(^|/)" + Pattern.quote(module) + "\\.ko$");
        return Optional.of(entry.matcher(dep.get()).find()
                || files.read(dir + "modules.builtin").map(b -> builtin.matcher(b).find()).orElse(false));
    }

    /** "name size refcount users state address" per line; users is "-" or a comma-terminated list. */
    private static Map<String, List<String>> parse(String procModules) {
        Map<String, List<String>> modules = new HashMap<>();
        for (String line : procModules.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 0 || f[0].isEmpty()) {
                continue;
            }
            List<String> users = f.length > 3 && !f[3].equals("-")
                    ? List.of(f[3].split(",")).stream().filter(u -> !u.isEmpty()).toList() : List.of();
            modules.put(f[0], users);
        }
        return modules;
    }
}
