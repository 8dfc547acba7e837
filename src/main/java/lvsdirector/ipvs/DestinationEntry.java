package lvsdirector.ipvs;

/** A destination read back from a backend, with its connection counts and counters. */
public record DestinationEntry(Destination destination, int activeConns, int inactiveConns, int persistentConns, Stats stats) {}
