package lvsdirector.heartbeat.vip;

import java.io.IOException;

/** Sends whole Ethernet frames on one interface. */
interface FrameSender extends AutoCloseable {
    void send(byte[] frame) throws IOException;

    @Override
    void close();
}
