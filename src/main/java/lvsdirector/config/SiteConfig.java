package lvsdirector.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The project's own settings, {@code /etc/ha.d/lvs-director.conf}: what an ldirectord {@code .cf} has no
 * words for (IPVS connection sync, the DRBD state directory, least privilege), kept out of the
 * {@code .cf} so that file stays valid for the Perl ldirectord.
 *
 * @param syncInterface interface of the IPVS sync daemons (a dedicated link: sync messages are not
 *                      authenticated); empty = no connection sync
 * @param syncId        sync id shared by master and backup, 0-255
 * @param syncMaxLength maximum sync datagram payload; empty = the kernel's choice from the MTU
 * @param syncGroup     multicast group of the sync messages
 * @param syncPort      UDP port of the sync messages
 * @param syncTtl       multicast TTL of the sync messages, 1-255
 * @param stateDirectory the DRBD-backed directory (mounted only on the DRBD Primary)
 * @param localStateDirectory node-local directory used when no DRBD state directory is configured
 * @param drbdResource  DRBD resource name holding the state directory
 * @param drbdDevice    DRBD device of that resource
 * @param snapshotInterval how often the active director snapshots persistence templates
 * @param externalCheckUser user the {@code external} checks run as; empty = the director's own user
 * @param statusGroup   local group whose members may read the HTTP status endpoint besides root and the
 *                      director's user; empty = nobody else
 * @param alertMail     where the DRBD handlers' alerts (split brain) are mailed
 */
public record SiteConfig(
        Optional<String> syncInterface,
        int syncId,
        Optional<Integer> syncMaxLength,
        InetAddress syncGroup,
        int syncPort,
        int syncTtl,
        Path stateDirectory,
        Path localStateDirectory,
        String drbdResource,
        Path drbdDevice,
        Duration snapshotInterval,
        Optional<String> externalCheckUser,
        Optional<String> statusGroup,
        AlertMail alertMail) {

    public static final Path DEFAULT_PATH = Path.of("/etc/ha.d/lvs-director.conf");

    /** IPVS's own default group, {@code IP_VS_SYNC_GROUP}. */
    public static final InetAddress DEFAULT_SYNC_GROUP = ipv4(224, 0, 0, 81);

    public static final SiteConfig DEFAULTS = new SiteConfig(
            Optional.empty(), 0, Optional.empty(), DEFAULT_SYNC_GROUP, 8848, 1,
            Path.of("/var/lib/lvs-director/state"), Path.of("/var/lib/lvs-director/local"),
            "r0", Path.of("/dev/drbd0"), Duration.ofSeconds(5), Optional.empty(), Optional.empty(), AlertMail.NONE);

    /**
     * The alert e-mail of {@code drbd-sync/handlers/split-brain} when its command line names no address.
     *
     * @param to       recipients ("ops@example.org" or "a@example.org, b@example.org"); empty = no mail
     * @param from     the sender; empty = root@NODE
     * @param sendmail the local mailer, run as {@code sendmail -t}
     */
    public record AlertMail(List<String> to, Optional<String> from, Path sendmail) {
        public static final Path DEFAULT_SENDMAIL = Path.of("/usr/sbin/sendmail");
        public static final AlertMail NONE = new AlertMail(List.of(), Optional.empty(), DEFAULT_SENDMAIL);

        public AlertMail {
            to = List.copyOf(to);
        }
    }

    /** The settings without a status group (the form before {@code status_group} existed). */
    public SiteConfig(Optional<String> syncInterface, int syncId, Optional<Integer> syncMaxLength, InetAddress syncGroup,
                      int syncPort, int syncTtl, Path stateDirectory, Path localStateDirectory, String drbdResource,
                      Path drbdDevice, Duration snapshotInterval, Optional<String> externalCheckUser) {
        this(syncInterface, syncId, syncMaxLength, syncGroup, syncPort, syncTtl, stateDirectory, localStateDirectory,
                drbdResource, drbdDevice, snapshotInterval, externalCheckUser, Optional.empty());
    }

    /** The settings without alert mail (the form before the {@code alert_*} keys existed). */
    public SiteConfig(Optional<String> syncInterface, int syncId, Optional<Integer> syncMaxLength, InetAddress syncGroup,
                      int syncPort, int syncTtl, Path stateDirectory, Path localStateDirectory, String drbdResource,
                      Path drbdDevice, Duration snapshotInterval, Optional<String> externalCheckUser,
                      Optional<String> statusGroup) {
        this(syncInterface, syncId, syncMaxLength, syncGroup, syncPort, syncTtl, stateDirectory, localStateDirectory,
                drbdResource, drbdDevice, snapshotInterval, externalCheckUser, statusGroup, AlertMail.NONE);
    }

    private static InetAddress ipv4(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether connection sync is configured at all. */
    public boolean syncEnabled() {
        return syncInterface.isPresent();
    }
}
