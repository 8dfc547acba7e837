package lvsdirector.ipvs.sync;

import java.net.InetAddress;
import lvsdirector.ipvs.ServiceKey;

/** A real server of one virtual service, as the restore decision sees it. */
public record RealRef(ServiceKey service, InetAddress address, int port) {
}
