package lvsdirector.it;

import java.util.List;

/**
 * A .cf run side by side by Debian's ldirectord and by ours. {@code config} holds {@value #LOG} where the
 * test puts a log file path; {@code reload} edits the text for the reload step (e.g. a weight).
 */
record DifferentialCase(String name, String config, List<Edit> reload, List<AllowedDifference> allowed) {
    static final String LOG = "@LOG@";

    record Edit(String from, String to) {}

    String configText(String logFile) {
        return config.replace(LOG, logFile);
    }

    String reloadedText(String logFile) {
        String text = configText(logFile);
        for (Edit edit : reload) {
            if (!text.contains(edit.from())) {
                throw new IllegalStateException(name + ": the reload edit finds no `" + edit.from() + "`");
            }
            text = text.replace(edit.from(), edit.to());
        }
        return text;
    }
}
