package lvsdirector.check.external;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lvsdirector.support.LocalAccounts;
import lvsdirector.support.ProcessCredentials;

/**
 * How external check commands are started: the configured user (lvs-director.conf's
 * {@code external_check_user}) through util-linux's {@code setpriv}, which switches uid, gid and groups and
 * empties the inheritable (and so the ambient) capability set before it executes the command unchanged,
 * with the director's environment. Without a configured user the command runs as the director; if the
 * director holds ambient capabilities (the hardened unit), those are still dropped so no check inherits
 * CAP_NET_ADMIN.
 *
 * @param prefix      what goes in front of the check's own argv
 * @param description for the start-up log line: whom the checks run as
 */
public record ExternalRunAs(List<String> prefix, String description) {
    public static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    public static final ExternalRunAs DIRECT = new ExternalRunAs(List.of(), "as the director's own user");

    public ExternalRunAs {
        prefix = List.copyOf(prefix);
    }

    /** The configured user cannot be used; the message says why and what to do. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    /** This process, the local account files and the system's setpriv. */
    public static ExternalRunAs resolve(Optional<String> user) throws UnavailableException {
        try {
            return resolve(user, ProcessCredentials.current(), LocalAccounts.system(), SETPRIV);
        } catch (java.io.IOException e) {
            throw new UnavailableException("external_check_user " + user.orElse("") + ": cannot read the account files: "
                    + e.getMessage());
        }
    }

    static ExternalRunAs resolve(Optional<String> user, ProcessCredentials self, LocalAccounts accounts, Path setpriv)
            throws UnavailableException {
        boolean canDropCapabilities = Files.isExecutable(setpriv);
        if (user.isEmpty()) {
            return ownUser(self, setpriv, canDropCapabilities, DIRECT.description());
        }
        String name = user.get();
        LocalAccounts.User account = accounts.user(name).orElseThrow(() -> new UnavailableException(
                "external_check_user " + name + ": no such user in /etc/passwd"));
        if (account.uid() == self.uid()) {
            return ownUser(self, setpriv, canDropCapabilities, "as " + name + " (the director's own user)");
        }
        if (!self.hasEffective(ProcessCredentials.CAP_SETUID) || !self.hasEffective(ProcessCredentials.CAP_SETGID)) {
            throw new UnavailableException("external_check_user " + name + ": the director runs as uid " + self.uid()
                    + " without CAP_SETUID and CAP_SETGID, so it cannot start checks as another user; run the director "
                    + "as root, or drop external_check_user (the checks then run as the director's user)");
        }
        if (!canDropCapabilities) {
            throw new UnavailableException("external_check_user " + name + ": " + setpriv
                    + " (util-linux) is missing; it is needed to start the checks as another user");
        }
        List<String> prefix = List.of(setpriv.toString(), "--reuid=" + account.uid(), "--regid=" + account.gid(),
                "--init-groups", "--inh-caps=-all", "--");
        return new ExternalRunAs(prefix, "as " + name + " (uid " + account.uid() + ", gid " + account.gid()
                + ") without capabilities");
    }

    private static ExternalRunAs ownUser(ProcessCredentials self, Path setpriv, boolean canDropCapabilities,
                                         String description) {
        if (!self.hasAmbientCapabilities()) {
            return new ExternalRunAs(List.of(), description);
        }
        if (!canDropCapabilities) {
            return new ExternalRunAs(List.of(), description + ", WITH the director's ambient capabilities ("
                    + setpriv + " is missing to drop them)");
        }
        return new ExternalRunAs(List.of(setpriv.toString(), "--inh-caps=-all", "--"),
                description + ", without its capabilities");
    }

    /** The full argv for a check command. */
    public List<String> command(List<String> argv) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(argv);
        return command;
    }
}
