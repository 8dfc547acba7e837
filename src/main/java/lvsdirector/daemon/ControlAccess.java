package lvsdirector.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.LinkedHashSet;
import java.util.Set;
import jdk.net.UnixDomainPrincipal;
import lvsdirector.support.ProcessCredentials;

/**
 * Who may talk to the control socket: the users whose connections are served, decided from the peer's
 * credentials (SO_PEERCRED, taken by the kernel at connect time, so they cannot be forged). By default
 * root and the daemon's own user; no group, because the socket also answers requests that reveal the
 * whole configuration and table, and an operator who is neither uses sudo.
 */
record ControlAccess(Set<UserPrincipal> allowed) {
    ControlAccess {
        allowed = Set.copyOf(allowed);
    }

    static ControlAccess rootAndSelf() {
        return of(0, ProcessCredentials.current().uid());
    }

    /** Only these uids. */
    static ControlAccess of(int... uids) {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        Set<UserPrincipal> users = new LinkedHashSet<>();
        for (int uid : uids) {
            try {
                // a numeric name that is not a user name resolves to that uid; principals compare by uid
                users.add(lookup.lookupPrincipalByName(Integer.toString(uid)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look up uid " + uid, e);
            }
        }
        return new ControlAccess(users);
    }

    boolean allows(UnixDomainPrincipal peer) {
        return allowed.contains(peer.user());
    }

    /** The refusal a client sees: names its user and who would be allowed. */
    String refusal(UnixDomainPrincipal peer) {
        return "permission denied: user " + peer.user().getName() + " may not use this control socket (allowed: "
                + String.join(", ", allowed.stream().map(UserPrincipal::getName).toList()) + "); try sudo";
    }
}
