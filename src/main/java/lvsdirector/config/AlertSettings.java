package lvsdirector.config;

import java.util.Set;

/**
 * emailalert*, smtp: globally and per virtual. Null fields (and a null status set) are "not set here".
 *
 * @param emailAlert the address list as written (ldirectord uses it verbatim in RCPT TO and To:)
 * @param frequency  emailalertfreq seconds, 0 = no repeats
 * @param statuses   emailalertstatus; empty = none
 * @param smtp       SMTP relay host, or null for the local mailer
 */
public record AlertSettings(String emailAlert, Integer frequency, Set<DaemonStatus> statuses, String smtp) {
    public static final AlertSettings UNSET = new AlertSettings(null, null, null, null);
}
