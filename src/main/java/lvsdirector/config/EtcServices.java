package lvsdirector.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A {@link ServiceResolver} over the lines of an /etc/services file (names and aliases), or over a built-in
 * table of the usual names when the file is absent.
 */
public final class EtcServices implements ServiceResolver {

    private static final String BUILT_IN = String.join("\n",
            "ftp 21/tcp", "ssh 22/tcp", "telnet 23/tcp", "smtp 25/tcp mail", "domain 53/tcp", "domain 53/udp",
            "http 80/tcp www", "pop3 110/tcp pop-3", "nntp 119/tcp readnews untp", "ntp 123/udp",
            "imap2 143/tcp imap", "snmp 161/udp", "ldap 389/tcp", "ldap 389/udp", "https 443/tcp",
            "https 443/udp", "syslog 514/udp", "submission 587/tcp", "ldaps 636/tcp", "ldaps 636/udp", "imaps 993/tcp",
            "pop3s 995/tcp", "radius 1812/tcp", "radius 1812/udp", "squid 3128/tcp", "mysql 3306/tcp",
            "sip 5060/tcp", "sip 5060/udp", "postgresql 5432/tcp", "http-alt 8080/tcp webcache");

    /** name → protocol → port, first entry wins as in getservbyname(). */
    private final Map<String, Map<String, Integer>> byName = new HashMap<>();

    private EtcServices(List<String> lines) {
        for (String line : lines) {
            addLine(line);
        }
    }

    /** The system's /etc/services, or the built-in table when it cannot be read. */
    public static EtcServices system() {
        return fromFileOrBuiltIn(Path.of("/etc/services"));
    }

    public static EtcServices fromFileOrBuiltIn(Path file) {
        try {
            return new EtcServices(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            return builtIn();
        }
    }

    public static EtcServices builtIn() {
        return new EtcServices(BUILT_IN.lines().toList());
    }

    public static EtcServices of(List<String> lines) {
        return new EtcServices(lines);
    }

    private void addLine(String line) {
        int hash = line.indexOf('#');
        String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
        if (words.length < 2) {
            return;
        }
        String[] portProto = words[1].split("/", 2);
        if (portProto.length != 2 || !portProto[0].matches("\\d{1,5}")) {
            return;
        }
        int port = Integer.parseInt(portProto[0]);
        for (int i = 0; i < words.length; i++) {
            if (i != 1) {
                byName.computeIfAbsent(words[i], k -> new HashMap<>()).putIfAbsent(portProto[1], port);
                byName.get(words[i]).putIfAbsent("", port);
            }
        }
    }

    @Override
    public OptionalInt port(String name, String protocol) {
        Map<String, Integer> ports = byName.get(name);
        if (ports == null || !ports.containsKey(protocol)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ports.get(protocol));
    }
}
