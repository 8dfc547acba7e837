package lvsdirector.config;

/** checktype= values. COMBINED is "any value containing digits N": N connects per negotiate. */
public enum CheckType {
    CONNECT("connect"), NEGOTIATE("negotiate"), PING("ping"), OFF("off"), ON("on"),
    EXTERNAL("external"), EXTERNAL_PERL("external-perl"), COMBINED("combined");

    private final String word;

    CheckType(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
