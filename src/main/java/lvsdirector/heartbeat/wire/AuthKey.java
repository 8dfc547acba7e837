package lvsdirector.heartbeat.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * One {@code N method [key]} line of authkeys. The key is kept as the bytes of the file's first token
 * after the method, which is all heartbeat uses.
 */
public record AuthKey(int index, AuthMethod method, String key) {

    public static final int MAX_INDEX = 15;

    public AuthKey {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("auth index " + index + " outside 0.." + MAX_INDEX);
        }
        if (method == null) {
            throw new IllegalArgumentException("auth method is required");
        }
        key = key == null ? "" : key;
        if (method.needsKey() && key.isEmpty()) {
            throw new IllegalArgumentException("auth method " + method.fileName() + " needs a key");
        }
        if (!method.needsKey() && !key.isEmpty()) {
            throw new IllegalArgumentException("auth method " + method.fileName() + " takes no key");
        }
    }

    public String token(byte[] data) {
        return method.token(key.getBytes(ISO_8859_1), data);
    }

    /** The value heartbeat writes for a signature: {@code "<index> <token>"}. */
    public String sign(byte[] data) {
        return index + " " + token(data);
    }

    @Override
    public String toString() {
        return "AuthKey[" + index + " " + method.fileName() + (key.isEmpty() ? "" : " <key>") + "]";
    }
}
