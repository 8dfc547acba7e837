package lvsdirector.config;

/** ldirectord's forwarding words. */
public enum Forwarding {
    GATE("gate"), MASQ("masq"), IPIP("ipip");

    private final String word;

    Forwarding(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** null when the word is not gate, masq or ipip. */
    public static Forwarding ofWord(String word) {
        for (Forwarding f : values()) {
            if (f.word.equals(word)) {
                return f;
            }
        }
        return null;
    }
}
