package lvsdirector.director.alert;

import java.util.Set;

import lvsdirector.config.AlertSettings;
import lvsdirector.config.DaemonStatus;
import lvsdirector.config.Globals;
import lvsdirector.config.VirtualConfig;

/**
 * One alert as ldirectord sends it.
 *
 * @param to           the emailalert value as written (used verbatim in RCPT TO and To:)
 * @param fromHeader   emailalertfrom verbatim, else user@host
 * @param envelopeFrom user@host (MAIL FROM)
 * @param smtp         relay host, or null for the local sendmail
 */
public record AlertMail(String to, String fromHeader, String envelopeFrom, String subject, String body, String smtp) {

    /**
     * The mail for a log text of a virtual, or null when none is due (no recipient, or the daemon status
     * is not one of emailalertstatus).
     */
    public static AlertMail compose(String logText, VirtualConfig v, Globals g, DaemonStatus status, MailIdentity me) {
        AlertSettings alerts = v.effectiveAlerts(g);
        Set<DaemonStatus> statuses = alerts.statuses();
        if (alerts.emailAlert() == null || alerts.emailAlert().isEmpty() || statuses == null
                || !statuses.contains(status)) {
            return null;
        }
        String subject = v.serviceName() != null ? "[" + v.serviceName() + "] " + logText : logText;
        StringBuilder body = new StringBuilder()
                .append("ldirectord host: ").append(me.hostname()).append('\n')
                .append("Log-Message: ").append(subject).append('\n')
                .append("Daemon-Status: ").append(status.word()).append('\n');
        if (v.serviceName() != null || v.comment() != null) {
            body.append('\n');
            if (v.serviceName() != null) {
                body.append("Service name: ").append(v.serviceName()).append('\n');
            }
            if (v.comment() != null) {
                body.append("Comment: ").append(v.comment()).append('\n');
            }
        }
        String from = g.emailAlertFrom() != null ? g.emailAlertFrom() : me.address();
        return new AlertMail(alerts.emailAlert(), from, me.address(), subject, body.toString(), alerts.smtp());
    }
}
