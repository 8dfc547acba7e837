package lvsdirector.cli.lvsadm;

import lvsdirector.ipvs.format.ConnectionEntry;
import lvsdirector.ipvs.format.ProcConnections;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where {@code lvsadm -c} gets the connection table from; the IPVS backends do not carry it. */
@FunctionalInterface
public interface ConnectionSource {

    /** @throws IOException when the table cannot be read; IllegalArgumentException when it makes no sense */
    List<ConnectionEntry> connections() throws IOException;

    /** The kernel's table, read from a file in /proc/net/ip_vs_conn format, like ipvsadm does. */
    static ConnectionSource procFile(Path file) {
        return () -> ProcConnections.read(file);
    }
}
