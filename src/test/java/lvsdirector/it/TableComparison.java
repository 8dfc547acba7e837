package lvsdirector.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the listings (ipvsadm -S -n, then -L -n --thresholds) of our director's namespace with those of
 * ldirectord's: our lines named by an allowed difference are first rewritten into what ldirectord is allowed
 * to show, then the texts must be equal. Remembers which allowed differences were needed.
 */
final class TableComparison {
    private TableComparison() {}

    record Outcome(boolean equal, String diff, Set<AllowedDifference> used) {}

    static Outcome compare(String ours, String theirs, List<AllowedDifference> allowed) {
        Set<AllowedDifference> used = new java.util.LinkedHashSet<>();
        List<String> expected = new ArrayList<>();
        for (String line : ours.lines().toList()) {
            AllowedDifference difference = allowed.stream().filter(a -> a.ours().equals(line)).findFirst().orElse(null);
            if (difference == null) {
                expected.add(line);
            } else {
                used.add(difference);
                if (difference.theirs() != null) {
                    expected.add(difference.theirs());
                }
            }
        }
        List<String> actual = theirs.lines().toList();
        boolean equal = expected.equals(actual);
        return new Outcome(equal, equal ? "" : diff(expected, actual), used);
    }

    /** Lines only in ours (after allowed rewrites) with "-", only in ldirectord's with "+". */
    private static String diff(List<String> expected, List<String> actual) {
        StringBuilder text = new StringBuilder();
        expected.stream().filter(l -> !actual.contains(l)).forEach(l -> text.append("  - ours only:        ").append(l).append('\n'));
        actual.stream().filter(l -> !expected.contains(l)).forEach(l -> text.append("  + ldirectord only:  ").append(l).append('\n'));
        if (text.isEmpty()) {
            text.append("  same lines, different order\n");
        }
        return text.toString();
    }

    /** Splits the output of {@link #listingCommand} into namespace → listings. */
    static Map<String, String> parse(String output) {
        Map<String, String> tables = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : output.lines().toList()) {
            if (line.startsWith("@@ table ")) {
                if (current != null) {
                    tables.put(current, text.toString());
                }
                current = line.substring("@@ table ".length());
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            tables.put(current, text.toString());
        }
        return tables;
    }

    static String listingCommand(List<String> namespaces) {
        return "for ns in " + String.join(" ", namespaces) + "; do echo \"@@ table $ns\";"
                + " ip netns exec $ns sh -c 'ipvsadm -S -n; echo -- thresholds; ipvsadm -L -n --thresholds'; done";
    }
}
