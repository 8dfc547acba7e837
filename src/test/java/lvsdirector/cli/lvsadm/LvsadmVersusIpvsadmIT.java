package lvsdirector.cli.lvsadm;

import static org.assertj.core.api.Assertions.assertThat;

import lvsdirector.cli.lvsadm.uml.LvsadmComparison;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * scripts/lvsadm against ipvsadm on a real kernel: {@link LvsadmComparison} runs inside user-mode-linux
 * (scripts/uml-run), programs a rich table with ipvsadm, pushes a little traffic through it and compares every
 * listing byte for byte. Needs linux.uml, its modules, ipvsadm and the packaged project (target/lib), which
 * {@code mvn verify} builds before the integration tests.
 */
class LvsadmVersusIpvsadmIT {
    // about a minute on an idle machine (most listings in-process, 4 JVM starts of scripts/lvsadm in UML); generous for a machine shared with other builds
    private static final int UML_LIMIT_SECONDS = 900;

    @Test
    @Timeout(value = UML_LIMIT_SECONDS + 40, unit = TimeUnit.SECONDS)
    void everyListingOfLvsadmEqualsIpvsadmsOnARealKernel() throws Exception {
        Path basedir = Path.of(System.getProperty("project.basedir", System.getProperty("user.dir")));
        RealParts.assume(onPath("linux.uml"), "linux.uml (Debian package user-mode-linux)");
        RealParts.assume(Files.isDirectory(Path.of("/usr/lib/uml/modules")), "UML kernel modules in /usr/lib/uml/modules");
        RealParts.assume(onPath("ipvsadm"), "ipvsadm");
        RealParts.assume(packaged(basedir.resolve("target")), "the packaged project (mvn package: target/*.jar, target/lib)");
        lvsdirector.it.CdsArchiveWarmup.onHost();
        Path jnaTmp = Files.createTempDirectory("uml-lvsadm-jna");
        String testClasses = Path.of(LvsadmComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(basedir.resolve("scripts/uml-run").toString(), javaExecutable(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djna.tmpdir=" + jnaTmp, "-cp",
                testClasses + File.pathSeparator + projectJar(basedir.resolve("target")) + File.pathSeparator
                        + basedir.resolve("target/lib") + "/*", LvsadmComparison.class.getName(),
                basedir.resolve("scripts/lvsadm").toString()))
                .directory(basedir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("UML_TIMEOUT", Integer.toString(UML_LIMIT_SECONDS));
        pb.environment().put("LVS_DIRECTOR_JAVA_OPTS",
                "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djna.tmpdir=" + jnaTmp);
        long start = System.nanoTime();
        String output;
        Process uml = pb.start();
        try {
            output = new String(uml.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(uml.waitFor(30, TimeUnit.SECONDS)).as("uml-run finished").isTrue();
        } finally {
            uml.destroyForcibly();
            deleteTree(jnaTmp);
        }
        System.out.printf("LvsadmVersusIpvsadmIT: UML run took %d ms%n%s%n", (System.nanoTime() - start) / 1_000_000,
                output);
        assertThat(output).as("comparison output").doesNotContain("FAIL ").contains("COMPARISON PASSED");
        assertThat(output.lines().filter(l -> l.startsWith("SAME ")).count()).as("listings compared").isEqualTo(20);
        assertThat(uml.exitValue()).as("exit status of the comparison inside UML").isZero();
    }

    private static boolean packaged(Path target) throws IOException {
        if (!Files.isDirectory(target.resolve("lib"))) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "lvs-director-*.jar")) {
            return jars.iterator().hasNext();
        }
    }

    private static Path projectJar(Path target) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "lvs-director-*.jar")) {
            return jars.iterator().next();
        }
    }

    private static boolean onPath(String program) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
