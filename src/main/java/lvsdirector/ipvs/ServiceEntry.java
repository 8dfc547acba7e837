package lvsdirector.ipvs;

/** A virtual service read back from a backend, with its counters. */
public record ServiceEntry(VirtualService service, Stats stats) {}
