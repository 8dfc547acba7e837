package lvsdirector.check.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lvsdirector.support.InetAddrs;

/**
 * ldirectord's maintenancedir: a real server is in maintenance while a file named {@code <ip>:<port>},
 * {@code <ip>}, {@code <name>:<port>}, {@code <name>}, {@code <short>:<port>} or {@code <short>} exists
 * in the directory (name = reverse DNS, short = its first label; IPv6 addresses in brackets). The reverse
 * lookup is only done when the directory holds something that the address alone does not match.
 */
final class Maintenance {
    private static final Pattern SHORTENABLE = Pattern.compile("^[a-z][a-z0-9-]+\\.");

    private final Vertx vertx;
    private final ReverseNames names;

    Maintenance(Vertx vertx, ReverseNames names) {
        this.vertx = vertx;
        this.names = names;
    }

    Future<Boolean> inMaintenance(Path dir, InetAddress address, int port) {
        return vertx.executeBlocking(() -> entries(dir), false).compose(entries -> {
            if (entries.isEmpty()) {
                return Future.succeededFuture(false);
            }
            if (containsAny(entries, addressNames(address, port))) {
                return Future.succeededFuture(true);
            }
            return names.lookup(address).map(name -> name != null && containsAny(entries, hostNames(name, port)));
        });
    }

    static List<String> addressNames(InetAddress address, int port) {
        String ip = InetAddrs.bracketed(address);
        return List.of(ip + ":" + port, ip);
    }

    static List<String> hostNames(String name, int port) {
        List<String> candidates = new ArrayList<>(List.of(name + ":" + port, name));
        if (SHORTENABLE.matcher(name.toLowerCase(Locale.ROOT)).find()) {
            String shortName = name.substring(0, name.indexOf('.'));
            candidates.add(shortName + ":" + port);
            candidates.add(shortName);
        }
        return candidates;
    }

    private static boolean containsAny(Set<String> entries, List<String> candidates) {
        return candidates.stream().anyMatch(entries::contains);
    }

    private static Set<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Set.of();
        }
    }
}
