package lvsdirector.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Prometheus text parsed into "name{labels}" → value, labels as written by the registry (sorted by name). */
final class Scrape {
    private Scrape() {}

    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }
}
