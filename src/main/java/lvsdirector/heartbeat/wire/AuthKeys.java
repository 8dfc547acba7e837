package lvsdirector.heartbeat.wire;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The keys of an authkeys file and the index used to sign outgoing packets ({@code auth N}). */
public record AuthKeys(int signingIndex, Map<Integer, AuthKey> keys) {

    public AuthKeys {
        keys = Map.copyOf(keys);
        if (!keys.containsKey(signingIndex)) {
            throw new IllegalArgumentException("auth " + signingIndex + " names no key");
        }
        keys.forEach((index, key) -> {
            if (index != key.index()) {
                throw new IllegalArgumentException("key " + key + " stored under index " + index);
            }
        });
    }

    /** Keys for a single index that is also used for signing. */
    public static AuthKeys single(AuthKey key) {
        return new AuthKeys(key.index(), Map.of(key.index(), key));
    }

    public AuthKey signingKey() {
        return keys.get(signingIndex);
    }

    public Optional<AuthKey> key(int index) {
        return Optional.ofNullable(keys.get(index));
    }

    @Override
    public String toString() {
        return "AuthKeys[auth " + signingIndex + ", " + new TreeMap<>(keys).values() + "]";
    }
}
