package lvsdirector.check.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import lvsdirector.support.InetAddrs;

/**
 * Reverse DNS for maintenance-file names, off the event loop, bounded by a short timeout and cached for a
 * while (ldirectord looks up on every check; a slow resolver must not stall the checks). At most one lookup
 * per address is in flight. Confined to one Vert.x context.
 */
final class ReverseNames {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    static final Duration DEFAULT_TTL = Duration.ofSeconds(60);

    private record Cached(String name, long expiresAtNanos) {}

    private final Vertx vertx;
    private final Function<InetAddress, String> resolver;
    private final Duration timeout;
    private final Duration ttl;
    private final Map<InetAddress, Cached> cache = new HashMap<>();
    private final Map<InetAddress, Future<String>> inFlight = new HashMap<>();

    ReverseNames(Vertx vertx) {
        this(vertx, ReverseNames::systemLookup, DEFAULT_TIMEOUT, DEFAULT_TTL);
    }

    ReverseNames(Vertx vertx, Function<InetAddress, String> resolver, Duration timeout, Duration ttl) {
        this.vertx = vertx;
        this.resolver = resolver;
        this.timeout = timeout;
        this.ttl = ttl;
    }

    /** The host name of an address, or null when it has none or the lookup is too slow. */
    Future<String> lookup(InetAddress address) {
        Cached cached = cache.get(address);
        if (cached != null && cached.expiresAtNanos - System.nanoTime() > 0) {
            return Future.succeededFuture(cached.name);
        }
        Future<String> running = inFlight.computeIfAbsent(address, this::start);
        Promise<String> bounded = Promise.promise();
        long timer = vertx.setTimer(timeout.toMillis(), id -> bounded.tryComplete(null));
        running.onComplete(ar -> {
            vertx.cancelTimer(timer);
            bounded.tryComplete(ar.succeeded() ? ar.result() : null);
        });
        return bounded.future();
    }

    private Future<String> start(InetAddress address) {
        return vertx.executeBlocking(() -> resolver.apply(address), false).andThen(ar -> {
            inFlight.remove(address);
            cache.put(address, new Cached(ar.succeeded() ? ar.result() : null, System.nanoTime() + ttl.toNanos()));
        });
    }

    /** getCanonicalHostName answers with the literal when there is no name; that means "no name" here. */
    private static String systemLookup(InetAddress address) {
        try {
            InetAddress bare = InetAddress.getByAddress(address.getAddress());
            String name = bare.getCanonicalHostName();
            return name.equals(bare.getHostAddress()) || name.equals(InetAddrs.numeric(bare)) ? null : name;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
