package lvsdirector.check.scheduler;

import java.net.InetAddress;
import lvsdirector.check.CheckSpec;

/**
 * Which check loop a job runs on: a hash of the probed address and port, so a job keeps its loop across
 * reloads (an equal spec, or the same real with new settings, lands where its state already is) and the
 * reals of a configuration spread evenly (consecutive addresses do not fall on one loop).
 */
final class ShardKey {
    private ShardKey() {}

    static int of(CheckSpec spec, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be >= 1");
        }
        InetAddress address = spec.address();
        int h = (address == null ? 0 : address.hashCode()) * 31 + spec.port();
        // murmur3's finaliser: every input bit moves every output bit
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, shards);
    }
}
