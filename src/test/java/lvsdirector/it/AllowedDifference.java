package lvsdirector.it;

/**
 * One line where Debian's ldirectord is allowed to leave a different IPVS table than ours, because the
 * project decided to fix the ldirectord defect behind it (decision table at the top of
 * docs/ldirectord.md). {@code theirs} null means ldirectord's table lacks the line. A listed difference that
 * never shows up fails the test, so the list cannot go stale.
 */
record AllowedDifference(String decision, String reason, String ours, String theirs) {
    AllowedDifference {
        if (ours.equals(theirs)) {
            throw new IllegalArgumentException("not a difference: " + ours);
        }
    }

    static AllowedDifference missingInTheirs(String decision, String reason, String ours) {
        return new AllowedDifference(decision, reason, ours, null);
    }

    @Override
    public String toString() {
        return decision + " (" + reason + "): ours `" + ours + "`, ldirectord " + (theirs == null ? "nothing" : "`" + theirs + "`");
    }
}
