package lvsdirector.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code lvs-director.conf}: {@code key = value} lines in ldirectord's global-directive style,
 * {@code #} comments, blank lines. Every error names {@code file:line}; all errors of a file are
 * collected before failing, so an operator fixes them in one pass. A missing file means defaults.
 */
public final class SiteConfigParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*([A-Za-z_]+)\\s*=\\s*(.*?)\\s*$");

    /** Parses the file, or returns the defaults when it does not exist. */
    public SiteConfig parse(Path file) throws SiteConfigException, IOException {
        String text;
        try {
            text = ConfigLine.decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return SiteConfig.DEFAULTS;
        }
        return parse(file.toString(), text);
    }

    /** Parses text read from {@code name} (the name only labels the errors). */
    public SiteConfig parse(String name, String text) throws SiteConfigException {
        Draft draft = new Draft();
        List<ConfigMessage> errors = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (ConfigLine line : ConfigLine.split(text)) {
            String content = stripComment(line.text());
            if (content.isBlank()) {
                continue;
            }
            Matcher m = DIRECTIVE.matcher(content);
            if (!m.matches()) {
                errors.add(error(name, line, "expected \"key = value\", got \"" + content.strip() + "\""));
                continue;
            }
            String key = m.group(1).toLowerCase(java.util.Locale.ROOT);
            Integer earlier = seenAt.putIfAbsent(key, line.number());
            if (earlier != null) {
                errors.add(error(name, line, key + " is already set at line " + earlier));
                continue;
            }
            try {
                draft.set(key, m.group(2));
            } catch (IllegalArgumentException e) {
                errors.add(error(name, line, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new SiteConfigException(errors);
        }
        return draft.build();
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private static ConfigMessage error(String file, ConfigLine line, String message) {
        return new ConfigMessage(ConfigMessage.Severity.ERROR, file, line.number(), message);
    }

    /** Mutable while parsing; {@link #build()} gives the immutable record. */
    private static final class Draft {
        private final SiteConfig d = SiteConfig.DEFAULTS;
        private Optional<String> syncInterface = d.syncInterface();
        private int syncId = d.syncId();
        private Optional<Integer> syncMaxLength = d.syncMaxLength();
        private InetAddress syncGroup = d.syncGroup();
        private int syncPort = d.syncPort();
        private int syncTtl = d.syncTtl();
        private Path stateDirectory = d.stateDirectory();
        private Path localStateDirectory = d.localStateDirectory();
        private String drbdResource = d.drbdResource();
        private Path drbdDevice = d.drbdDevice();
        private Duration snapshotInterval = d.snapshotInterval();
        private Optional<String> externalCheckUser = d.externalCheckUser();
        private Optional<String> statusGroup = d.statusGroup();
        private List<String> alertMailTo = d.alertMail().to();
        private Optional<String> alertMailFrom = d.alertMail().from();
        private Path alertSendmail = d.alertMail().sendmail();

        void set(String key, String value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException(key + " needs a value");
            }
            switch (key) {
                case "sync_interface" -> syncInterface = Optional.of(interfaceName(value));
                case "sync_id" -> syncId = range(key, value, 0, 255);
                case "sync_maxlen" -> syncMaxLength = Optional.of(range(key, value, 1, 65507));
                case "sync_mcast_group" -> syncGroup = multicast(value);
                case "sync_mcast_port" -> syncPort = range(key, value, 1, 65535);
                case "sync_mcast_ttl" -> syncTtl = range(key, value, 1, 255);
                case "state_directory" -> stateDirectory = absolute(key, value);
                case "local_state_directory" -> localStateDirectory = absolute(key, value);
                case "drbd_resource" -> drbdResource = word(key, value);
                case "drbd_device" -> drbdDevice = absolute(key, value);
                case "snapshot_interval" -> snapshotInterval = Duration.ofSeconds(range(key, value, 1, 3600));
                case "external_check_user" -> externalCheckUser = Optional.of(word(key, value));
                case "status_group" -> statusGroup = Optional.of(word(key, value));
                case "alert_mail_to" -> alertMailTo = addresses(key, value);
                case "alert_mail_from" -> alertMailFrom = Optional.of(address(key, value));
                case "alert_sendmail" -> alertSendmail = absolute(key, value);
                default -> throw new IllegalArgumentException("unknown directive \"" + key + "\" (known: "
                        + String.join(", ", KNOWN) + ")");
            }
        }

        SiteConfig build() {
            return new SiteConfig(syncInterface, syncId, syncMaxLength, syncGroup, syncPort, syncTtl, stateDirectory,
                    localStateDirectory, drbdResource, drbdDevice, snapshotInterval, externalCheckUser,
                    statusGroup, new SiteConfig.AlertMail(alertMailTo, alertMailFrom, alertSendmail));
        }
    }

    static final List<String> KNOWN = List.of("sync_interface", "sync_id", "sync_maxlen", "sync_mcast_group",
            "sync_mcast_port", "sync_mcast_ttl", "state_directory", "local_state_directory", "drbd_resource",
            "drbd_device", "snapshot_interval", "external_check_user", "status_group", "alert_mail_to", "alert_mail_from",
            "alert_sendmail");

    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private static String interfaceName(String value) {
        if (!INTERFACE.matcher(value).matches()) {
            throw new IllegalArgumentException("sync_interface \"" + value + "\" is not an interface name");
        }
        return value;
    }

    /**
     * A plain address, local@domain: no display names, quotes or spaces, because the split-brain handler
     * (a shell script) reads the value and puts it into the mail header as it is.
     */
    private static final Pattern MAIL_ADDRESS = Pattern.compile("[A-Za-z0-9._%+=-]+@[A-Za-z0-9.-]+");

    private static String address(String key, String value) {
        if (!MAIL_ADDRESS.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " \"" + value + "\" is not a plain e-mail address (local@domain)");
        }
        return value;
    }

    private static List<String> addresses(String key, String value) {
        List<String> list = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException(key + " \"" + value + "\" has an empty address (addresses are separated by ',')");
            }
            list.add(address(key, part.strip()));
        }
        return List.copyOf(list);
    }

    private static String word(String key, String value) {
        if (!WORD.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " \"" + value + "\" may only hold letters, digits, '_', '.' and '-'");
        }
        return value;
    }

    private static int range(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", got \""
                + value + "\"");
    }

    private static Path absolute(String key, String value) {
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException(key + " must be an absolute path, got \"" + value + "\"");
        }
        return Path.of(value);
    }

    private static InetAddress multicast(String value) {
        Matcher m = IPV4.matcher(value);
        if (m.matches()) {
            byte[] bytes = new byte[4];
            boolean valid = true;
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(m.group(i + 1));
                valid &= octet <= 255;
                bytes[i] = (byte) octet;
            }
            if (valid && (bytes[0] & 0xf0) == 0xe0) {
                try {
                    return InetAddress.getByAddress(bytes);
                } catch (java.net.UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new IllegalArgumentException("sync_mcast_group must be an IPv4 multicast address (224.0.0.0/4), got \""
                + value + "\"");
    }
}
