package lvsdirector.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The launcher's AppCDS archive (scripts/jvm-start.sh) as the tools meet it: built in the background on first
 * use, then used; and whatever lies under the archive's name (random bytes, a truncated archive), the tools
 * start and print exactly what they print without any start-up options: no CDS warning reaches their output.
 * Each test has its own cache directory (LVS_DIRECTOR_CDS_DIR), so the project's target/cds is not touched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class JvmStartIT {
    private static final Path PROJECT = Path.of(System.getProperty("project.basedir", "."));

    private Path work;
    private Path config;
    private Path archive;

    @BeforeAll
    void buildArchive() throws Exception {
        work = Files.createTempDirectory("lvs-jvmstart");
        config = work.resolve("jvm.cf");
        Files.writeString(config, "logfile=\"" + work.resolve("ld.log") + "\"\nvirtual=192.0.2.50:80\n"
                + "\treal=127.0.0.1:1 masq 1\n\tservice=http\n");
        Path cache = work.resolve("built");
        Command first = lvsadm(Map.of("LVS_DIRECTOR_CDS_DIR", cache.toString()));
        assertThat(first.status()).as(first.transcript()).isNotEqualTo(127);
        archive = awaitArchive(cache);
    }

    @AfterAll
    void removeWork() throws IOException {
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void theArchiveBuiltOnFirstUseIsUsedByTheNextStart() throws Exception {
        Path classes = work.resolve("classes.txt");
        Command run = configtest(Map.of("LVS_DIRECTOR_CDS_DIR", archive.getParent().toString(),
                "LVS_DIRECTOR_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes));
        assertThat(run.status()).as(run.transcript()).isZero();
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).filteredOn(l -> l.contains("lvsdirector.cli.LdirectordMain "))
                .singleElement().asString().contains("shared objects file");
        assertThat(loaded).filteredOn(l -> l.contains("picocli.CommandLine "))
                .singleElement().asString().contains("shared objects file");
    }

    @Test
    void userOptionsComeLastAndWin() throws Exception {
        Path classes = work.resolve("classes-off.txt");
        Command run = configtest(Map.of("LVS_DIRECTOR_CDS_DIR", archive.getParent().toString(),
                "LVS_DIRECTOR_JAVA_OPTS", "-Xshare:off -Xlog:class+load=info:file=" + classes));
        assertThat(run.status()).as(run.transcript()).isZero();
        assertThat(Files.readAllLines(classes)).noneMatch(l -> l.contains("shared objects file"));
    }

    @Test
    void randomBytesUnderTheArchiveNameChangeNothingInTheOutput() throws Exception {
        byte[] noise = new byte[(int) Files.size(archive)];
        new Random(6).nextBytes(noise);
        assertOutputUnchangedWith(noise, "random");
    }

    @Test
    void aTruncatedArchiveChangesNothingInTheOutput() throws Exception {
        byte[] whole = Files.readAllBytes(archive);
        assertOutputUnchangedWith(java.util.Arrays.copyOf(whole, whole.length / 3), "truncated");
    }

    @Test
    void aGoodArchiveChangesNothingInTheOutput() throws Exception {
        assertOutputUnchangedWith(Files.readAllBytes(archive), "good");
    }

    /** Puts {@code content} under the archive's name in a fresh cache and compares both tools with tuning off. */
    private void assertOutputUnchangedWith(byte[] content, String name) throws Exception {
        Path cache = Files.createDirectories(work.resolve(name));
        Files.write(cache.resolve(archive.getFileName()), content);
        Map<String, String> tuned = Map.of("LVS_DIRECTOR_CDS_DIR", cache.toString());
        Map<String, String> plain = Map.of("LVS_DIRECTOR_JVM_TUNING", "off");
        assertSame(lvsadm(plain), lvsadm(tuned));
        assertSame(configtest(plain), configtest(tuned));
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files).as("no second archive was built next to the one that is there")
                    .containsExactly(cache.resolve(archive.getFileName()));
        }
    }

    private static void assertSame(Command plain, Command tuned) {
        assertThat(tuned.status()).as(tuned.transcript()).isEqualTo(plain.status());
        assertThat(tuned.out()).isEqualTo(plain.out());
        assertThat(tuned.err()).isEqualTo(plain.err());
    }

    private Command lvsadm(Map<String, String> environment) throws Exception {
        return tool(environment, "scripts/lvsadm", "-L", "-n");
    }

    private Command configtest(Map<String, String> environment) throws Exception {
        return tool(environment, "scripts/ldirectord", config.toString(), "configtest");
    }

    private Command tool(Map<String, String> environment, String script, String... arguments) throws Exception {
        Map<String, String> all = new HashMap<>(environment);
        all.put("LVS_DIRECTOR_RUNDIR", work.resolve("run").toString());
        all.putIfAbsent("LVS_DIRECTOR_JAVA_OPTS", "");
        List<String> command = new java.util.ArrayList<>(List.of(PROJECT.resolve(script).toString()));
        command.addAll(List.of(arguments));
        return Command.run(all, PROJECT, command);
    }

    /** The background dump takes seconds on a host (minutes under load): waits for its rename into place. */
    private static Path awaitArchive(Path cache) throws Exception {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cache)) {
                try (Stream<Path> files = Files.list(cache)) {
                    List<Path> done = files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
                    if (!done.isEmpty()) {
                        return done.get(0);
                    }
                }
                assertThat(cache).as("the dump failed").isDirectoryNotContaining("glob:**.failed");
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no archive in " + cache + " after 240 s");
    }
}
