package lvsdirector.check.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lvsdirector.check.CheckResult;
import lvsdirector.check.ExternalCheck;
import lvsdirector.check.OnContext;
import lvsdirector.support.LocalAccounts;
import lvsdirector.testing.RealParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * As root (CI is), an external check configured to run as {@code nobody} really runs as that user, without
 * any capability, with ldirectord's arguments and the director's environment; the command reports its own
 * credentials from /proc/self/status.
 */
@Timeout(60)
class ExternalCheckUserIT {
    @Test
    void theCheckRunsAsTheConfiguredUserWithoutCapabilities() throws Exception {
        RealParts.assume(RealParts.isRoot(), "root (to switch users)");
        RealParts.assume(RealParts.executable("/usr/bin/setpriv"), "/usr/bin/setpriv (util-linux)");
        LocalAccounts.User nobody = LocalAccounts.system().user("nobody").orElseThrow();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "external-user");
        Vertx vertx = Vertx.vertx();
        try {
            // the user must reach the script and write its report
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path report = dir.resolve("report");
            Path script = dir.resolve("check.sh");
            Files.writeString(script, "#!/bin/sh\n{ echo uid=$(id -u); echo gid=$(id -g); echo \"args=$*\"; echo \"path=$PATH\";"
                    + " grep -E '^Cap(Inh|Prm|Eff|Amb):' /proc/self/status | tr -d ' \\t' | sed 's/:/=/'; } > " + report + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

            ExternalRunAs runAs = ExternalRunAs.resolve(Optional.of("nobody"));
            ExternalProber prober = new ExternalProber(vertx, Duration.ofSeconds(1), runAs);
            ExternalCheck check = new ExternalCheck(script.toString(), "10.0.0.1", 80, InetAddress.getLoopbackAddress(),
                    8080, Duration.ofSeconds(10));
            CheckResult result = OnContext.await(vertx, () -> prober.probe(check));

            assertThat(result.success()).as(result.toString()).isTrue();
            Map<String, String> seen = Files.readAllLines(report).stream().map(l -> l.split("=", 2))
                    .collect(Collectors.toMap(f -> f[0], f -> f[1]));
            assertThat(seen).containsEntry("uid", Integer.toString(nobody.uid()))
                    .containsEntry("gid", Integer.toString(nobody.gid()))
                    .containsEntry("args", "10.0.0.1 80 127.0.0.1 8080")
                    .containsEntry("path", System.getenv("PATH"));
            for (String set : List.of("CapInh", "CapPrm", "CapEff", "CapAmb")) {
                assertThat(seen).as(set).containsEntry(set, "0000000000000000");
            }
        } finally {
            vertx.close().await();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
