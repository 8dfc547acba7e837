package lvsdirector.config;

/** Message texts used in more than one place. */
final class Texts {
    static final String CHECKCOUNT_DEPRECATED =
            "checkcount option is deprecated and slated for removal.  please see 'failurecount'";

    private Texts() {}
}
