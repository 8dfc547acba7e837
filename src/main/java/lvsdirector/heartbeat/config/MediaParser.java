package lvsdirector.heartbeat.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The media and ping-node lines of ha.cf, each with its plugin's own argument syntax. */
final class MediaParser {
    static final List<String> MEDIA = List.of("bcast", "ucast", "mcast", "ucast6", "mcast6", "serial");
    static final List<String> PING = List.of("ping", "ping6", "ping_group");

    private MediaParser() {}

    static List<Medium> media(DirectiveLine line) throws ConfigException {
        List<String> t = line.tokens;
        List<Medium> media = new ArrayList<>();
        switch (line.directive) {
            case "bcast" -> {
                line.requireTokens(1, Integer.MAX_VALUE, "IFACE [IFACE...]");
                t.forEach(iface -> media.add(new Medium.Bcast(iface)));
            }
            case "ucast" -> {
                line.requireTokens(2, 2, "IFACE PEER-ADDRESS");
                media.add(new Medium.Ucast(t.get(0), t.get(1)));
            }
            case "ucast6" -> {
                line.requireTokens(2, 2, "IFACE PEER-ADDRESS");
                media.add(new Medium.Ucast6(t.get(0), ipv6(line, t.get(1), false)));
            }
            case "mcast" -> {
                line.requireTokens(5, 5, "IFACE GROUP PORT TTL LOOP");
                String group = ipv4(line, t.get(1));
                int first = Integer.parseInt(group.substring(0, group.indexOf('.')));
                if (first < 224 || first > 239) {
                    throw line.error("mcast: [" + group + "] is not an IPv4 multicast group");
                }
                media.add(new Medium.Mcast(t.get(0), group, line.integer(t.get(2), 1, 65535), line.integer(t.get(3), 1, 4),
                        line.integer(t.get(4), 0, 1) == 1));
            }
            case "mcast6" -> {
                line.requireTokens(5, 5, "IFACE GROUP PORT TTL LOOP");
                media.add(new Medium.Mcast6(t.get(0), ipv6(line, t.get(1), true), line.integer(t.get(2), 1, 65535),
                        line.integer(t.get(3), 1, 255), line.integer(t.get(4), 0, 1) == 1));
            }
            case "serial" -> {
                line.requireTokens(1, Integer.MAX_VALUE, "DEVICE [DEVICE...]");
                t.forEach(device -> media.add(new Medium.Serial(device)));
            }
            default -> throw new IllegalArgumentException("not a medium: " + line.directive);
        }
        return media;
    }

    static List<PingNode> pingNodes(DirectiveLine line) throws ConfigException {
        List<PingNode> nodes = new ArrayList<>();
        switch (line.directive) {
            case "ping" -> {
                line.requireTokens(1, Integer.MAX_VALUE, "ADDRESS [ADDRESS...]");
                for (String a : line.tokens) {
                    nodes.add(new PingNode(a, List.of(a), false));
                }
            }
            case "ping6" -> {
                line.requireTokens(1, Integer.MAX_VALUE, "ADDRESS [ADDRESS...]");
                for (String a : line.tokens) {
                    nodes.add(new PingNode(a, List.of(ipv6(line, a, false)), true));
                }
            }
            case "ping_group" -> {
                line.requireTokens(2, Integer.MAX_VALUE, "NAME ADDRESS [ADDRESS...]");
                nodes.add(new PingNode(line.tokens.get(0), line.tokens.subList(1, line.tokens.size()), false));
            }
            default -> throw new IllegalArgumentException("not a ping directive: " + line.directive);
        }
        return nodes;
    }

    private static String ipv4(DirectiveLine line, String text) throws ConfigException {
        String[] parts = text.split("\\.", -1);
        boolean ok = parts.length == 4;
        for (int i = 0; ok && i < 4; i++) {
            ok = parts[i].matches("\\d{1,3}") && Integer.parseInt(parts[i]) <= 255;
        }
        if (!ok) {
            throw line.error(line.directive + ": [" + text + "] is not an IPv4 address");
        }
        return text;
    }

    private static String ipv6(DirectiveLine line, String text, boolean multicast) throws ConfigException {
        boolean ok = text.matches("[0-9A-Fa-f:.]+") && text.contains(":");
        if (!ok || (multicast && !text.toLowerCase(Locale.ROOT).startsWith("ff"))) {
            throw line.error(line.directive + ": [" + text + "] is not an IPv6 " + (multicast ? "multicast group" : "address"));
        }
        return text;
    }
}
