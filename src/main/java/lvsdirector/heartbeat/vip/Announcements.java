package lvsdirector.heartbeat.vip;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Starts background announcement runs. */
interface Announcements {

    /**
     * Opens a sender and sends the frames {@code spacing} apart, the first at once, in the background (as
     * heartbeat's IPaddr runs send_arp in the background: the next resource of the group does not wait for the
     * packet socket); the sender is closed at the end. A sender that cannot be opened is logged and ends the run.
     */
    Running start(String name, SenderOpener opener, List<byte[]> frames, Duration spacing);

    /** Opens the frame sender, on the announcing thread. */
    @FunctionalInterface
    interface SenderOpener {
        FrameSender open() throws IOException;
    }

    /** A run in progress. */
    interface Running {
        /** Stops before the next frame and waits (briefly) for the run to end. */
        void cancel();

        int framesSent();

        boolean finished();
    }
}
