package lvsdirector.heartbeat.vip;

import java.time.Duration;
import java.util.List;

/** Starts background announcement runs. */
interface Announcements {

    /** Sends the frames {@code spacing} apart, the first at once; the sender is closed at the end. */
    Running start(String name, FrameSender sender, List<byte[]> frames, Duration spacing);

    /** A run in progress. */
    interface Running {
        /** Stops before the next frame and waits (briefly) for the run to end. */
        void cancel();

        int framesSent();

        boolean finished();
    }
}
