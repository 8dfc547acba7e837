package lvsdirector.ipvs.sync;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts entries into sync messages the way the kernel's master does: at most {@link #MAX_ENTRIES} per
 * message and never more bytes than the sync max length (1472 = MTU 1500 - IP - UDP by default).
 */
public final class SyncBatches {
    public static final int MAX_ENTRIES = 40;
    public static final int DEFAULT_MAX_LENGTH = 1472;

    private SyncBatches() {}

    public static List<SyncMessage> of(int syncId, List<SyncEntry> entries, int maxLength) {
        if (maxLength < SyncMessage.HEADER_SIZE + SyncEntry.V6_SIZE) {
            throw new IllegalArgumentException("sync max length " + maxLength + " cannot hold one entry");
        }
        List<SyncMessage> messages = new ArrayList<>();
        List<SyncEntry> batch = new ArrayList<>();
        int size = SyncMessage.HEADER_SIZE;
        for (SyncEntry entry : entries) {
            int entrySize = entry.paddedSize();
            if (SyncMessage.HEADER_SIZE + entrySize > maxLength) {
                throw new IllegalArgumentException("entry of " + entrySize + " bytes exceeds sync max length " + maxLength);
            }
            if (batch.size() == MAX_ENTRIES || size + entrySize > maxLength) {
                messages.add(new SyncMessage(syncId, batch));
                batch = new ArrayList<>();
                size = SyncMessage.HEADER_SIZE;
            }
            batch.add(entry);
            size += entrySize;
        }
        if (!batch.isEmpty()) {
            messages.add(new SyncMessage(syncId, batch));
        }
        return messages;
    }
}
