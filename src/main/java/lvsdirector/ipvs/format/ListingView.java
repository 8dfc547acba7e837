package lvsdirector.ipvs.format;

/** The column sets of {@code ipvsadm -L}: default, --stats, --rate, --thresholds, --persistent-conn, --tun-info. */
public enum ListingView {
    DEFAULT, STATS, RATE, THRESHOLDS, PERSISTENT_CONN, TUN_INFO
}
