package lvsdirector.sanity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory host: path → text; directories exist when some file lies below them or they were added. */
final class FakeSystemFiles implements SystemFiles {
    private final Map<String, String> files = new HashMap<>();

    FakeSystemFiles with(String path, String text) {
        files.put(path, text);
        return this;
    }

    FakeSystemFiles withDirectory(String path) {
        return with(path + "/.", "");
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path) || files.keySet().stream().anyMatch(p -> p.startsWith(path + "/"));
    }
}
