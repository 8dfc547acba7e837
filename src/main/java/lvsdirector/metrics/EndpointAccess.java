package lvsdirector.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import lvsdirector.support.LocalAccounts;
import lvsdirector.support.ProcessCredentials;

/**
 * Who may read the HTTP endpoint. A connection from this host (its client socket is in the kernel's TCP
 * table) is served when that socket belongs to root, the director's own user or a member of the
 * configured group; one from loopback that cannot be attributed is refused. A remote peer (only possible
 * when the operator binds a non-loopback address) cannot be attributed to a user at all and is served:
 * limiting those is the job of a firewall or an authenticating TLS proxy in front.
 *
 * @param ownUid      the director's uid
 * @param statusGroup the group whose members may read it too; empty = none
 * @param owners      the socket table
 * @param groupUids   the uids in a group, asked at each refusal candidate so group changes apply at once
 */
public record EndpointAccess(int ownUid, Optional<String> statusGroup, SocketOwners owners,
                             Function<String, Set<Integer>> groupUids) {

    /** A decision: served, or refused with the text of the 403 body. */
    public record Decision(boolean allowed, String reason) {
        static final Decision ALLOWED = new Decision(true, "");

        static Decision refused(String reason) {
            return new Decision(false, reason);
        }
    }

    /** The process's own uid, this namespace's socket tables and the local account files. */
    public static EndpointAccess system(Optional<String> statusGroup) {
        return new EndpointAccess(ProcessCredentials.current().uid(), statusGroup, SocketOwners.system(),
                EndpointAccess::systemGroupUids);
    }

    private static Set<Integer> systemGroupUids(String group) {
        try {
            return LocalAccounts.system().uidsInGroup(group);
        } catch (IOException e) {
            return Set.of(); // unreadable account files: nobody is a member, the refusal says which uid asked
        }
    }

    public Decision decide(InetSocketAddress client, InetSocketAddress server) {
        OptionalInt owner = owners.ownerOf(client, server);
        if (owner.isEmpty()) {
            if (client.getAddress().isLoopbackAddress()) {
                return Decision.refused("forbidden: cannot tell which local user opened the connection from "
                        + client.getAddress().getHostAddress() + " port " + client.getPort() + "\n");
            }
            return Decision.ALLOWED;
        }
        int uid = owner.getAsInt();
        if (uid == 0 || uid == ownUid || statusGroup.map(g -> groupUids.apply(g).contains(uid)).orElse(false)) {
            return Decision.ALLOWED;
        }
        return Decision.refused("forbidden: the connection belongs to uid " + uid + "; allowed are root"
                + statusGroup.map(g -> ", the director's user (uid " + ownUid + ") and members of group " + g
                        + " (status_group in lvs-director.conf)\n")
                        .orElse(" and the director's user (uid " + ownUid + ")\n"));
    }
}
