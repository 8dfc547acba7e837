package lvsdirector.ipvs.format;

import java.util.Objects;

/**
 * How to render a listing.
 *
 * @param view  the column set
 * @param exact --exact: print counters in full instead of scaling them to K/M/G/T
 * @param sort  false for --nosort: keep the backend's order
 */
public record ListingOptions(ListingView view, boolean exact, boolean sort) {
    public static final ListingOptions DEFAULT = new ListingOptions(ListingView.DEFAULT, false, true);

    public ListingOptions {
        Objects.requireNonNull(view, "view");
    }

    public static ListingOptions of(ListingView view) {
        return new ListingOptions(view, false, true);
    }
}
