package lvsdirector.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the layering of the style guide: decision code never touches the kernel, parsers depend on
 * nothing, and only the netlink package holds native (JNA) code. Reads the sources' references to
 * project packages (imports and fully qualified names).
 */
class PackageDependencyTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PROJECT_REFERENCE = Pattern.compile("\\blvsdirector\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");
    private static final Pattern JNA_REFERENCE = Pattern.compile("\\bcom\\.sun\\.jna\\b");

    /** Package prefix → packages (prefixes) it may use besides itself. First matching (longest) key wins. */
    private static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("support", Set.of());
        ALLOWED.put("config", Set.of("support"));
        ALLOWED.put("netlink", Set.of("support"));
        ALLOWED.put("ipvs.kernel", Set.of("ipvs", "netlink", "support"));
        ALLOWED.put("ipvs.memory", Set.of("ipvs", "support"));
        ALLOWED.put("ipvs.format", Set.of("ipvs", "support"));
        ALLOWED.put("ipvs", Set.of("support"));
        ALLOWED.put("check", Set.of("netlink.icmp", "support"));
        ALLOWED.put("director", Set.of("config", "check", "ipvs", "support"));
        ALLOWED.put("state", Set.of("netlink", "support"));
        ALLOWED.put("heartbeat", Set.of("netlink", "state", "support"));
        ALLOWED.put("logging", Set.of("netlink.unix", "support"));
        ALLOWED.put("metrics", Set.of("support"));
        ALLOWED.put("sanity", Set.of("config", "support"));
        ALLOWED.put("daemon", Set.of("config", "check", "ipvs", "ipvs.kernel", "ipvs.memory", "ipvs.format",
                "director", "state", "logging", "metrics", "netlink", "heartbeat", "sanity", "support"));
        ALLOWED.put("cli", Set.of("*"));
    }

    @Test
    void everyPackageUsesOnlyWhatItMay() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaSources()) {
            String source = Files.readString(file);
            String own = ownPackage(source, file);
            String rule = ruleFor(own);
            assertThat(rule).as("no dependency rule covers package lvsdirector.%s (%s)", own, file).isNotNull();
            Set<String> allowed = ALLOWED.get(rule);
            for (String used : referencedPackages(source)) {
                if (!mayUse(rule, allowed, used)) {
                    violations.add(file + ": lvsdirector." + own + " uses lvsdirector." + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void onlyNetlinkHoldsNativeCode() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaSources()) {
            String source = Files.readString(file);
            String own = ownPackage(source, file);
            if (JNA_REFERENCE.matcher(source).find() && !(own.equals("netlink") || own.startsWith("netlink."))) {
                violations.add(file.toString());
            }
        }
        assertThat(violations).as("JNA outside lvsdirector.netlink").isEmpty();
    }

    @Test
    void directorSeesOnlyTheIpvsInterfaceNotABackend() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaSources()) {
            String source = Files.readString(file);
            String own = ownPackage(source, file);
            if (own.startsWith("director") || own.startsWith("check")) {
                for (String used : referencedPackages(source)) {
                    if (used.startsWith("ipvs.")) {
                        violations.add(file + " uses lvsdirector." + used);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * A package may use its own area, and any allowed prefix unless a more specific rule owns the used
     * package (director may use ipvs, but not ipvs.memory, which has a rule of its own).
     */
    private static boolean mayUse(String rule, Set<String> allowed, String used) {
        String usedRule = ruleFor(used);
        if (rule.equals(usedRule) || allowed.contains("*")) {
            return true;
        }
        for (String prefix : allowed) {
            boolean underPrefix = used.equals(prefix) || used.startsWith(prefix + ".");
            if (underPrefix && (usedRule == null || usedRule.length() <= prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static String ruleFor(String pkg) {
        String best = null;
        for (String key : ALLOWED.keySet()) {
            if ((pkg.equals(key) || pkg.startsWith(key + ".")) && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best;
    }

    private static Set<String> referencedPackages(String source) {
        Set<String> used = new TreeSet<>();
        Matcher m = PROJECT_REFERENCE.matcher(source.replaceAll("(?m)^package .*$", ""));
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    private static String ownPackage(String source, Path file) {
        Matcher m = PACKAGE.matcher(source);
        assertThat(m.find()).as("package declaration in %s", file).isTrue();
        String pkg = m.group(1);
        assertThat(pkg).as("package of %s", file).startsWith("lvsdirector");
        return pkg.equals("lvsdirector") ? "" : pkg.substring("lvsdirector.".length());
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
