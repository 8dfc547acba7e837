package lvsdirector.director;

import java.util.Objects;

import lvsdirector.ipvs.DestinationKey;
import lvsdirector.ipvs.ServiceKey;

/** A real server of one virtual, named by the keys the kernel stores it under. */
public record RealKey(ServiceKey service, DestinationKey destination) {
    public RealKey {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
    }

    @Override
    public String toString() {
        return destination + " (" + service + ")";
    }
}
