package lvsdirector.ipvs.kernel;

import com.sun.jna.Native;
import lvsdirector.ipvs.kernel.uml.KernelScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@link KernelScenario} inside a real Linux kernel (user-mode-linux, booted by scripts/uml-run with ip_vs
 * loaded): every kernel-backend operation, error texts compared with ipvsadm's, a 1000-service pipelined batch,
 * and the kernel's table (ipvsadm -S -n, -L -n --thresholds) compared with the one the Java side believes in.
 * Skips without linux.uml, unless -Dit.require=true.
 */
class KernelIpvsBackendIT {
    private static final int UML_LIMIT_SECONDS = 110;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyOperationAgreesWithIpvsadmInsideARealKernel() throws Exception {
        Path basedir = Paths.get(System.getProperty("project.basedir", System.getProperty("user.dir")));
        Path umlRun = basedir.resolve("scripts/uml-run");
        requirePart(onPath("linux.uml"), "linux.uml (Debian package user-mode-linux) is not installed");
        requirePart(Files.isDirectory(Paths.get("/usr/lib/uml/modules")), "no UML kernel modules in /usr/lib/uml/modules");
        requirePart(onPath("ipvsadm"), "ipvsadm is not installed");
        Path jnaTmp = Files.createTempDirectory("uml-jna");
        String classpath = String.join(File.pathSeparator, location(KernelScenario.class), location(KernelIpvsBackend.class),
                location(Native.class));
        ProcessBuilder pb = new ProcessBuilder(List.of(umlRun.toString(), javaExecutable(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djna.tmpdir=" + jnaTmp,
                "-cp", classpath, KernelScenario.class.getName()))
                .directory(basedir.toFile())
                .redirectErrorStream(true);
        pb.environment().put("UML_TIMEOUT", Integer.toString(UML_LIMIT_SECONDS));
        long start = System.nanoTime();
        Process uml = pb.start();
        String output;
        try {
            output = new String(uml.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(uml.waitFor(UML_LIMIT_SECONDS + 20, TimeUnit.SECONDS)).as("uml-run finished").isTrue();
        } finally {
            deleteTree(jnaTmp);
        }
        System.out.printf("KernelIpvsBackendIT: UML run took %d ms%n%s%n", (System.nanoTime() - start) / 1_000_000, output);

        assertThat(output).as("scenario output").doesNotContain("FAIL ").contains("SCENARIO PASSED");
        assertThat(uml.exitValue()).as("exit status of the scenario inside UML").isZero();
    }

    private static void requirePart(boolean present, String missing) {
        if (!present && Boolean.getBoolean("it.require")) {
            fail(missing + " (it.require=true)");
        }
        assumeTrue(present, missing);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, program))) {
                return true;
            }
        }
        return Files.isExecutable(Paths.get("/usr/sbin", program)) || Files.isExecutable(Paths.get("/sbin", program));
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
