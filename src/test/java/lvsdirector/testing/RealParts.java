package lvsdirector.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Integration tests need real parts (a UML kernel, root, Debian's ldirectord...). Where a part is missing
 * they skip, except in CI (env CI=true) or with -Dit.require=true, where a missing part is a failure:
 * CI installs every part, so a skip there would hide a broken install step.
 */
public final class RealParts {
    private RealParts() {}

    public static boolean required() {
        return Boolean.getBoolean("it.require") || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (or fails, when required) unless {@code available}. */
    public static void assume(boolean available, String missing) {
        if (available) {
            return;
        }
        if (required()) {
            throw new AssertionError("required for this integration test but missing: " + missing);
        }
        Assumptions.abort("skipped, missing: " + missing);
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static boolean executable(String path) {
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of(path));
    }
}
