package lvsdirector.heartbeat.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads haresources: {@code <node> <resource> <resource>...} per line, blanks collapsed, '#' starting a
 * comment, a trailing backslash continuing the line. The node must be one of the ha.cf nodes (heartbeat:
 * "Bad nodename in haresources"). Errors name the line where the logical line starts.
 */
public final class HaresourcesParser {
    private static final Pattern BARE_IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/.*)?");

    private HaresourcesParser() {}

    public static Haresources read(Path path, Set<String> nodes) throws IOException, ConfigException {
        return parse(path.toString(), Files.readString(path, StandardCharsets.ISO_8859_1), nodes);
    }

    /** @param nodes the ha.cf node names (lowercase); the home node of each line must be one of them */
    public static Haresources parse(String file, String text, Set<String> nodes) throws ConfigException {
        List<ResourceGroup> groups = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String line = stripCr(lines[i++]);
            while (line.endsWith("\\") && !inComment(line)) {
                logical.append(line, 0, line.length() - 1).append(' ');
                if (i == lines.length) {
                    throw new ConfigException(file, start, "line continued with '\\' at the end of the file");
                }
                line = stripCr(lines[i++]);
            }
            logical.append(line);
            List<String> words = words(logical.toString());
            if (!words.isEmpty()) {
                groups.add(group(file, start, words, nodes));
            }
        }
        return new Haresources(groups);
    }

    private static ResourceGroup group(String file, int line, List<String> words, Set<String> nodes) throws ConfigException {
        String node = words.get(0).toLowerCase(Locale.ROOT);
        if (!nodes.contains(node)) {
            throw new ConfigException(file, line, "Bad nodename in " + file + " [" + words.get(0) + "]: not a node of ha.cf " + nodes);
        }
        if (words.size() < 2) {
            throw new ConfigException(file, line, "node " + words.get(0) + " has no resources");
        }
        List<Resource> resources = new ArrayList<>();
        for (String word : words.subList(1, words.size())) {
            resources.add(resource(file, line, word));
        }
        return new ResourceGroup(node, resources, line);
    }

    static Resource resource(String file, int line, String text) throws ConfigException {
        if (BARE_IPV4.matcher(text).matches()) {
            return new Resource(text, "IPaddr", List.of(text));
        }
        List<String> parts = Arrays.asList(text.split("::", -1));
        String script = parts.get(0);
        if (script.isEmpty() || script.contains("/") || script.startsWith(".")) {
            throw new ConfigException(file, line, "resource [" + text + "] does not name a script (expected script or script::arg...)");
        }
        return new Resource(text, script, parts.subList(1, parts.size()));
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String w : line.strip().split("\\s+")) {
            if (w.startsWith("#")) {
                break;
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static boolean inComment(String line) {
        String stripped = line.strip();
        return stripped.startsWith("#");
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
