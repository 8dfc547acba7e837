package lvsdirector.heartbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.AuthMethod;
import lvsdirector.heartbeat.wire.AuthKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthkeysParserTest {

    private static AuthKeys parse(String text) throws ConfigException {
        return AuthkeysParser.parse("authkeys", text);
    }

    @ParameterizedTest
    @CsvSource({"main-sha1-bcast,SHA1,InteropKey-sha1", "md5-ucast,MD5,Md5-Interop-Key", "smoke-sha1,SHA1,InteropKey-sha1"})
    void readsTheAuthkeysOfTheRealRuns(String run, AuthMethod method, String key) throws Exception {
        AuthKeys keys = parse(HaCfParserTest.resource(run + "/authkeys.txt"));
        assertThat(keys.signingIndex()).isEqualTo(1);
        assertThat(keys.signingKey()).isEqualTo(new AuthKey(1, method, key));
    }

    @Test
    void keepsEveryIndexAndOnlyTheFirstWordOfAKey() throws Exception {
        AuthKeys keys = parse("""
                # comment
                   auth 2

                1 crc
                2 sha1 Secret with spaces
                15\tmd5\tOther
                """);
        assertThat(keys.signingKey()).isEqualTo(new AuthKey(2, AuthMethod.SHA1, "Secret"));
        assertThat(keys.key(1)).contains(new AuthKey(1, AuthMethod.CRC, ""));
        assertThat(keys.key(15)).contains(new AuthKey(15, AuthMethod.MD5, "Other"));
        assertThat(keys.key(3)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auth 1\\n1 crc\\n1 sha1|3|authentication method sha1 needs a key",
        "auth 1\\n1 crc key|2|authentication method crc takes no key",
        "auth 1\\n1 SHA1 key|2|unknown authentication method [SHA1]: expected crc, md5 or sha1",
        "auth 1\\n16 crc|2|invalid key index [16]: expected 0..15",
        "auth 1\\nx crc|2|invalid key index [x]: expected 0..15",
        "auth 1\\n1|2|invalid line [1]: expected \"N method [key]\"",
        "auth|1|invalid line [auth]: expected \"auth N\"",
        "authx 1|1|invalid line [authx 1]: expected \"auth N\"",
        "auth 1 2|1|invalid line [auth 1 2]: expected \"auth N\"",
        "auth 20|1|invalid key index [20]: expected 0..15",
        "# c\\nauth 3\\n1 crc|2|auth 3 names a key index that is not defined",
        "1 crc|0|no \"auth N\" line naming the key used to sign packets",
    })
    void errorsNameFileAndLine(String text, int line, String problem) {
        assertThatThrownBy(() -> parse(text.replace("\\n", "\n")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------", "rw--w----", "rw--w--w-"})
    void ownerOnlyReadableFilesAreAccepted(String mode, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("authkeys");
        Files.writeString(file, "auth 1\n1 md5 k\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        assertThat(AuthkeysParser.read(file).signingKey()).isEqualTo(new AuthKey(1, AuthMethod.MD5, "k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-r--r--", "r--r-----"})
    void groupOrWorldReadableFilesAreRefusedWithHeartbeatsMessage(String mode, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("authkeys");
        Files.writeString(file, "auth 1\n1 md5 k\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        assertThatThrownBy(() -> AuthkeysParser.read(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problem()).isEqualTo("Bad permissions on keyfile [" + file + "], 600 recommended."));
    }
}
