package lvsdirector.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Notices that a config file changed on disk as ldirectord does: stat the file every round, and only
 * when its mtime moved compare an MD5 of the content (inotify does not fire on every filesystem).
 */
public final class FileChangeWatcher {
    private final Path file;
    private FileTime lastModified;
    private byte[] lastDigest;

    public FileChangeWatcher(Path file) {
        this.file = file;
        this.lastModified = modifiedTime();
        this.lastDigest = digest();
    }

    /** True once per content change: the mtime moved and the MD5 differs from the last one seen. */
    public synchronized boolean poll() {
        FileTime modified = modifiedTime();
        if (modified == null || modified.equals(lastModified)) {
            return false;
        }
        lastModified = modified;
        byte[] now = digest();
        if (now == null || Arrays.equals(now, lastDigest)) {
            return false;
        }
        lastDigest = now;
        return true;
    }

    /** Takes the file as it is now as seen (after a reload read it), so it is not reported again. */
    public synchronized void acknowledge() {
        lastModified = modifiedTime();
        lastDigest = digest();
    }

    private FileTime modifiedTime() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] digest() {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
            return md5.digest();
        } catch (IOException e) {
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
