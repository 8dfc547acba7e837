package lvsdirector.config;

/** How far the parser goes after an error. */
public enum ParseMode {
    /** ldirectord's behaviour: stop at the first error. */
    FIRST_ERROR,
    /** configtest: report every error and warning; a virtual block with an error is dropped. */
    ALL
}
