package lvsdirector.heartbeat.media;

/** One received UDP payload and its sender as {@code address:port}. */
public record ReceivedDatagram(byte[] data, String from) {
    public ReceivedDatagram {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
