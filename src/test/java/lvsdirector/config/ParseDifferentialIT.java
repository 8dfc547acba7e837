package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parses every sample and every file of the differential set with the real ldirectord
 * ({@code ldirectord FILE status}: exit 2 on a config error, 3 when not running) and with our parser in
 * FIRST_ERROR mode, and compares accept/reject and the exact stderr text (pid normalised; Perl's own
 * "Use of uninitialized value" noise and our own extra warnings left out). Log and monitor file paths
 * are redirected into a temp dir so neither program writes outside it.
 */
class ParseDifferentialIT {
    private static final Path LDIRECTORD = Path.of("/usr/sbin/ldirectord");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void requireLdirectord() {
        boolean present = Files.isExecutable(LDIRECTORD);
        if (!present && Boolean.getBoolean("it.require")) {
            throw new AssertionError("it.require=true but " + LDIRECTORD + " is missing");
        }
        assumeTrue(present, "ldirectord not installed");
    }

    static Stream<Path> files() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String dir : List.of("src/test/resources/ldirectord-samples",
                "src/test/resources/lvsdirector/config/differential")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".cf")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void sameVerdictAndMessagesAsLdirectord(Path source) throws Exception {
        Path file = redirected(source);

        Process p = new ProcessBuilder(LDIRECTORD.toString(), file.toString(), "status")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int theirExit = p.exitValue();

        ParseResult ours = new ConfigParser(ParserOptions.system()).parse(file, file.toString(), ParseMode.FIRST_ERROR);
        int ourExit = ours.ok() ? 3 : 2;
        String ourText = ours.messages().stream().filter(m -> !OwnWarnings.isOwn(m))
                .map(m -> m.format(0) + "\n").collect(Collectors.joining());

        String name = source.getFileName().toString();
        if (name.startsWith("b")) {
            assertThat(theirExit).as("a b* file is meant to be rejected by ldirectord").isEqualTo(2);
        } else {
            assertThat(theirExit).as("samples and a* files are meant to parse").isEqualTo(3);
        }
        assertThat(ourExit).as("exit code (2 = config error, 3 = parsed, not running)").isEqualTo(theirExit);
        assertThat(normalise(ourText)).isEqualTo(normalise(stderr));
    }

    /** A copy whose log and monitor files live in the temp dir (the first line names the log file). */
    private static Path redirected(Path source) throws IOException {
        String text = new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1);
        text = text.replaceAll("(?m)^(\\s*monitorfile\\s*=\\s*\"?)/var/log/", "$1" + tmp + "/")
                .replaceAll("(?m)^logfile=\"/var/log/", "logfile=\"" + tmp + "/");
        text = "logfile=\"" + tmp + "/ldirectord.log\"\n" + text;
        Path copy = tmp.resolve("lvsd-difft-" + source.getFileName());
        Files.write(copy, text.getBytes(StandardCharsets.ISO_8859_1));
        return copy;
    }

    private static String normalise(String stderr) {
        // Perl's own warnings (uninitialised values, no syslog socket here) are not part of the contract
        return stderr.lines().filter(l -> !l.matches(".* at /usr/sbin/ldirectord line \\d+\\.?.*"))
                .map(l -> l.replaceFirst("^(Error|Warning) \\[\\d+\\]", "$1 [PID]"))
                .collect(Collectors.joining("\n"));
    }
}
