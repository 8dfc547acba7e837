package lvsdirector.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import lvsdirector.testing.RealParts;

/**
 * Shell command lines, run through a {@link UmlAgent}, that start a director in a network namespace in the
 * foreground (-d: no pid file, log on stderr) and stop it with SIGTERM. Ours is scripts/ldirectord with the
 * kernel backend; Debian's is /usr/sbin/ldirectord. Both print their pid (ip netns exec and the launcher
 * exec, so it is the director's own).
 */
final class Directors {
    private Directors() {}

    /** Our packaged director must exist: scripts/ldirectord would otherwise try to build it inside UML. */
    static void requirePackagedDirector() throws IOException {
        boolean jar;
        try (var files = Files.list(UmlAgent.HOME.resolve("target"))) {
            jar = files.anyMatch(f -> f.getFileName().toString().matches("lvs-director-.*\\.jar"));
        } catch (IOException missing) {
            jar = false;
        }
        if (!jar || !Files.isDirectory(UmlAgent.HOME.resolve("target/lib"))) {
            throw new IllegalStateException("target/lvs-director-*.jar and target/lib are missing: run `mvn -B package` "
                    + "(mvn verify does) before the integration tests");
        }
    }

    static void requireDebianLdirectord() {
        RealParts.assume(RealParts.executable("/usr/sbin/ldirectord"), "/usr/sbin/ldirectord (Debian package ldirectord)");
    }

    static String startOurs(String namespace, Path config, Path log, Path scratch) {
        String javaHome = System.getProperty("java.home");
        // the GC and safepoint log (epoch-ms stamps) tells a stalled JVM from a late poll when a detection is slow
        String options = "-Djna.tmpdir=" + scratch.resolve("jna-" + namespace) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                + " -Xlog:gc,safepoint:file=" + jvmLog(scratch, namespace) + ":timemillis";
        return "cd " + scratch + " && ip netns exec " + namespace + " env PATH=" + javaHome + "/bin:$PATH"
                + " LVS_DIRECTOR_RUNDIR=/run/lvs-" + namespace + " LVS_DIRECTOR_JAVA_OPTS='" + options + "' "
                + UmlAgent.HOME.resolve("scripts/ldirectord") + " -d --backend=kernel " + config + " start"
                + " > " + log + " 2>&1 & echo $!";
    }

    /** The GC and safepoint log of the director {@link #startOurs} started in {@code namespace}. */
    static Path jvmLog(Path scratch, String namespace) {
        return scratch.resolve("jvm-" + namespace + ".log");
    }

    static String startDebian(String namespace, Path config, Path log, Path scratch) {
        // cwd matters: in -d mode ldirectord prefers ./ipvsadm; the scratch directory has none
        return "cd " + scratch + " && ip netns exec " + namespace + " /usr/sbin/ldirectord -d " + config + " start"
                + " > " + log + " 2>&1 & echo $!";
    }

    /**
     * SIGTERM, then waits (inside UML) until the process has gone, SIGKILL after the limit; prints "gone" or
     * "killed". A zombie counts as gone: orphans are reparented to UML's init shell, which does not reap them.
     */
    static String stop(long pid, Duration limit) {
        long tenths = limit.toMillis() / 100;
        String alive = "{ s=$(ps -o stat= -p " + pid + "); [ -n \"$s\" ] && [ \"${s#Z}\" = \"$s\" ]; }";
        return "kill -TERM " + pid + "; i=0; while " + alive + " && [ $i -lt " + tenths + " ]; do"
                + " sleep 0.1; i=$((i+1)); done; if " + alive + "; then kill -KILL " + pid
                + "; echo killed; else echo gone; fi";
    }
}
