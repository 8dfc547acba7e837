package lvsdirector.heartbeat.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import lvsdirector.heartbeat.wire.AuthKey;
import lvsdirector.heartbeat.wire.AuthKeys;
import lvsdirector.heartbeat.wire.AuthMethod;

/**
 * Reads authkeys like heartbeat: '#' and blank lines ignored, {@code auth N} selects the signing key,
 * every other line is {@code N method [key]} where the key is only the first blank-delimited word (the
 * rest of the line is ignored). {@code crc} takes no key, {@code md5} and {@code sha1} need one. A file
 * readable by group or others is refused before it is read.
 */
public final class AuthkeysParser {

    private AuthkeysParser() {}

    /** Checks the permissions (like heartbeat, only the group/other read bits), then parses. */
    public static AuthKeys read(Path path) throws IOException, ConfigException {
        checkPermissions(path);
        return parse(path.toString(), Files.readString(path, StandardCharsets.ISO_8859_1));
    }

    public static void checkPermissions(Path path) throws IOException, ConfigException {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException e) {
            return;
        }
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
            throw new ConfigException(path.toString(), 0, "Bad permissions on keyfile [" + path + "], 600 recommended.");
        }
    }

    public static AuthKeys parse(String file, String text) throws ConfigException {
        Map<Integer, AuthKey> keys = new HashMap<>();
        int signingIndex = -1;
        int authLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (line.startsWith("a")) {
                if (!words[0].equals("auth") || words.length != 2) {
                    throw new ConfigException(file, number, "invalid line [" + line + "]: expected \"auth N\"");
                }
                signingIndex = index(file, number, words[1]);
                authLine = number;
                continue;
            }
            AuthKey key = key(file, number, words);
            keys.put(key.index(), key);
        }
        if (signingIndex < 0) {
            throw new ConfigException(file, 0, "no \"auth N\" line naming the key used to sign packets");
        }
        if (!keys.containsKey(signingIndex)) {
            throw new ConfigException(file, authLine, "auth " + signingIndex + " names a key index that is not defined");
        }
        return new AuthKeys(signingIndex, keys);
    }

    private static AuthKey key(String file, int number, String[] words) throws ConfigException {
        if (words.length < 2) {
            throw new ConfigException(file, number, "invalid line [" + String.join(" ", words) + "]: expected \"N method [key]\"");
        }
        int index = index(file, number, words[0]);
        AuthMethod method = AuthMethod.ofFileName(words[1]).orElseThrow(() -> new ConfigException(file, number,
                "unknown authentication method [" + words[1] + "]: expected crc, md5 or sha1"));
        String key = words.length > 2 ? words[2] : "";
        if (method.needsKey() && key.isEmpty()) {
            throw new ConfigException(file, number, "authentication method " + method.fileName() + " needs a key");
        }
        if (!method.needsKey() && !key.isEmpty()) {
            throw new ConfigException(file, number, "authentication method crc takes no key");
        }
        return new AuthKey(index, method, key);
    }

    private static int index(String file, int number, String word) throws ConfigException {
        if (!word.matches("\\d{1,9}") || Integer.parseInt(word) > AuthKey.MAX_INDEX) {
            throw new ConfigException(file, number, "invalid key index [" + word + "]: expected 0.." + AuthKey.MAX_INDEX);
        }
        return Integer.parseInt(word);
    }
}
