package lvsdirector.ipvs.sync;

import java.util.List;

/** A v1 sync message: the sender's sync id and at most 255 entries. */
public record SyncMessage(int syncId, List<SyncEntry> entries) {
    static final int HEADER_SIZE = 8;

    public SyncMessage {
        if (syncId < 0 || syncId > 255) {
            throw new IllegalArgumentException("sync id out of range: " + syncId);
        }
        entries = List.copyOf(entries);
        if (entries.size() > 255) {
            throw new IllegalArgumentException("a sync message holds at most 255 entries, not " + entries.size());
        }
    }

    /** Bytes of the whole UDP payload. */
    public int size() {
        int size = HEADER_SIZE;
        for (SyncEntry entry : entries) {
            size += entry.paddedSize();
        }
        return size;
    }
}
