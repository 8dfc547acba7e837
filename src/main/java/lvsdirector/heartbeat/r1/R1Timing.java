package lvsdirector.heartbeat.r1;

import java.time.Duration;

/**
 * The R1 manager's waits, heartbeat's values by default.
 *
 * @param requestDelay RQSTDELAY: how long both starting nodes wait for the other to become stable
 * @param standbyReply how long a standby request waits for the {@code other} reply
 * @param standbyTransfer how long a whole standby transfer may take
 * @param standbyAfterFailedStart when a group failed to start, hand it to the peer after this long
 */
public record R1Timing(Duration requestDelay, Duration standbyReply, Duration standbyTransfer, Duration standbyAfterFailedStart) {

    public static final R1Timing HEARTBEAT = new R1Timing(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofSeconds(30));
}
