package lvsdirector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Hermetic parser set-up for unit tests: fake host names, the built-in service table, files under a root. */
final class TestParsing {
    static final String CONFIG = "/etc/ha.d/test.cf";
    static final String HOSTNAME = "director1";

    /** Names the fake resolver knows (anything else, except numeric literals, does not resolve). */
    static final Map<String, String[]> HOSTS = Map.of(
            "localhost", new String[] {"127.0.0.1", "::1"},
            "web1.example", new String[] {"10.1.0.1", null},
            "web2.example", new String[] {"10.1.0.9", null},
            "v6only.example", new String[] {null, "fd00::7"},
            "vip.example", new String[] {"192.0.2.1", "2001:db8::1"});

    private TestParsing() {}

    static HostResolver fakeHosts() {
        return (name, ipv6) -> {
            String[] known = HOSTS.get(name);
            String text = known != null ? known[ipv6 ? 1 : 0] : name;
            if (text == null) {
                return Optional.empty();
            }
            boolean literal = ipv6 ? text.contains(":") : text.matches("(\\d{1,3}\\.){3}\\d{1,3}");
            if (!literal) {
                return Optional.empty();
            }
            try {
                InetAddress a = InetAddress.getByName(text); // a literal: no DNS query
                return (a instanceof java.net.Inet6Address) == ipv6 ? Optional.of(a) : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        };
    }

    /** Config paths map below root; root has /var/log, /var/run and /etc/maint so typical paths exist. */
    static ParserOptions options(Path root) {
        try {
            for (String dir : new String[] {"var/log", "var/run", "etc/maint"}) {
                java.nio.file.Files.createDirectories(root.resolve(dir));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        FileAccess files = FileAccess.mappedBy(p -> p.startsWith("/") ? root.resolve(p.substring(1)) : root.resolve(p));
        return new ParserOptions(fakeHosts(), EtcServices.builtIn(), files, HOSTNAME, false);
    }

    static ParseResult parse(Path root, String text, ParseMode mode) {
        return new ConfigParser(options(root)).parseText(Path.of(CONFIG), CONFIG, text, mode);
    }

    static DirectorConfig parseOk(Path root, String text) {
        ParseResult r = parse(root, text, ParseMode.FIRST_ERROR);
        assertThat(r.errors()).as("errors").isEmpty();
        assertThat(r.config()).isNotNull();
        return r.config();
    }

    /** The single error of a file that ldirectord rejects: "line: message". */
    static String firstError(Path root, String text) {
        ParseResult r = parse(root, text, ParseMode.FIRST_ERROR);
        assertThat(r.config()).as("config of a rejected file").isNull();
        assertThat(r.errors()).hasSize(1);
        ConfigMessage e = r.errors().get(0);
        return e.line() + ": " + e.message();
    }

    static VirtualConfig onlyVirtual(Path root, String text) {
        DirectorConfig c = parseOk(root, text);
        assertThat(c.virtuals()).hasSize(1);
        return c.virtuals().get(0);
    }
}
