package lvsdirector.heartbeat.wire;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature methods of heartbeat's authkeys file. */
public enum AuthMethod {
    /** CRC-32/POSIX printed with {@code %lx}: lowercase and not zero padded. No key. */
    CRC("crc", null),
    MD5("md5", "HmacMD5"),
    SHA1("sha1", "HmacSHA1");

    private final String fileName;
    private final String macAlgorithm;

    AuthMethod(String fileName, String macAlgorithm) {
        this.fileName = fileName;
        this.macAlgorithm = macAlgorithm;
    }

    /** The method's name as written in authkeys. */
    public String fileName() {
        return fileName;
    }

    public boolean needsKey() {
        return macAlgorithm != null;
    }

    public static Optional<AuthMethod> ofFileName(String name) {
        for (AuthMethod m : values()) {
            if (m.fileName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The token heartbeat writes for {@code data} signed with {@code key} (ignored for crc). */
    public String token(byte[] key, byte[] data) {
        if (!needsKey()) {
            return Long.toHexString(Crc32Posix.compute(data));
        }
        try {
            Mac mac = Mac.getInstance(macAlgorithm);
            mac.init(new SecretKeySpec(key, macAlgorithm));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCE lacks " + macAlgorithm, e);
        }
    }
}
